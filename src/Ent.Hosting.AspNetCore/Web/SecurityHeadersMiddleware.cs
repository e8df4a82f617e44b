using Microsoft.AspNetCore.Http;

namespace Ent.Hosting.AspNetCore.Web;

/// <summary>
/// Security headers on every answer: a Content-Security-Policy that allows no script at all (Ent's pages have none) and no
/// framing, no MIME sniffing, no referrer sent to other sites.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The policy: scripts none; styles the page's own (templates carry their stylesheets); images also as data: URLs.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.CacheControl = "no-store"; // pages hold personal data
            return Task.CompletedTask;
        });
        return next(context);
    }
}
