using Ent.Hosting.AspNetCore.Web;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Ent's web host into an ASP.NET Core application.</summary>
public static class EntEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Adds Ent's middleware (security headers, sessions, the sign-in rate limit) and maps its endpoints: the home page with
    /// the viewer's navigation, sign-in and sign-out, the language switch, and every page the plugins and the host contribute
    /// (GET, and POST for a page with a form, antiforgery checked), each answered through the platform's checks. Call it once,
    /// after <c>AddEnt</c> and <c>AddEntWeb</c>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application, for chaining.</returns>
    public static WebApplication MapEnt(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        EntEndpoints.Map(app);
        return app;
    }

    /// <summary>Maps only Ent's endpoints, for an application that adds the middleware itself (security headers, authentication, rate limiting).</summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <returns>The group of Ent's endpoints.</returns>
    public static IEndpointConventionBuilder MapEntEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return EntEndpoints.Map(endpoints);
    }
}
