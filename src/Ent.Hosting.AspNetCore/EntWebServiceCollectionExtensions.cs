using System.Threading.RateLimiting;
using Ent.Core.Access;
using Ent.Sdk.Pages;
using Ent.Hosting.AspNetCore;
using Ent.Hosting.AspNetCore.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the services of Ent's web host to an ASP.NET Core application that has called <c>AddEnt</c>.</summary>
public static class EntWebServiceCollectionExtensions
{
    /// <summary>The cookie authentication scheme of Ent's sessions.</summary>
    public const string SessionScheme = "Ent";

    /// <summary>The rate-limiting policy of the sign-in endpoints.</summary>
    public const string SignInRateLimit = "ent-sign-in";

    /// <summary>
    /// Adds Ent's web host: the session cookie, antiforgery, the sign-in rate limit, the adapter's views (layout, home,
    /// sign-in, status pages: area <c>ent</c>, overridable), and a hosted service that starts and stops Ent's plugins with
    /// the application. Map the endpoints with <c>app.MapEnt()</c>.
    /// </summary>
    /// <param name="services">The application's services, with Ent added.</param>
    /// <param name="configure">Configures sign-in, cookies and limits.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddEntWeb(this IServiceCollection services, Action<EntWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EntWebOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Which schemes to register is decided now, from the same configuration the options get.
        var probe = new EntWebOptions();
        configure?.Invoke(probe);

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<EntWebOptions>, EntWebOptionsValidator>();
        services.AddEntHostViews("ent", typeof(EntWebOptions).Assembly); // the layout, the sign-in and the host's own pages: trusted as this code is
        // The host's own pages: courses and their content, the rollout (department administrators, heads of school for their school) and the usage dashboard.
        services.AddEntPage<Ent.Hosting.AspNetCore.Admin.RolloutPage>(Ent.Hosting.AspNetCore.Admin.RolloutPage.Route, Capabilities.ManagePlugins, new PageNavigation("ent", "nav.rollout", 900))
            .AddEntPage<Ent.Hosting.AspNetCore.Admin.UsagePage>(Ent.Hosting.AspNetCore.Admin.UsagePage.Route, Capabilities.ViewUsage, new PageNavigation("ent", "nav.usage", 910))
            .AddEntPage<Ent.Hosting.AspNetCore.Admin.TimetablePage>(Ent.Hosting.AspNetCore.Admin.TimetablePage.Route, Capabilities.ManageTimetable, new PageNavigation("ent", "nav.timetable", 890))
            .AddEntPage<Ent.Hosting.AspNetCore.Admin.UsageCsvPage>(Ent.Hosting.AspNetCore.Admin.UsageCsvPage.Route, Capabilities.ViewUsage)
            .AddEntPage<Ent.Hosting.AspNetCore.Courses.MyCoursesPage>(Ent.Hosting.AspNetCore.Courses.MyCoursesPage.Route, Capabilities.ViewCourses, new PageNavigation("ent", "nav.courses", 5))
            .AddEntPage<Ent.Hosting.AspNetCore.Courses.CoursePage>("courses/{course}", Capabilities.ViewCourses);
        services.TryAddSingleton<EntViewers>();
        services.TryAddSingleton<EntPageWriter>();
        services.TryAddSingleton<EntWebLog>();
        services.AddHostedService<EntRuntimeService>();
        // The keys that protect sessions and antiforgery tokens, in Ent's store when it has one (SQLite, PostgreSQL): every
        // host on the same database shares them. Without one (tests in memory), data protection's default applies.
        Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions.SetApplicationName(services.AddDataProtection(), "ent");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
        {
            if (provider.GetService<Ent.Storage.Core.IKeyRingStore>() is { } store)
            {
                keys.XmlRepository = new EntXmlRepository(store);
                keys.XmlEncryptor = null; // the database holds them as the department's other secrets: its access is the protection
            }
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ent.antiforgery";
            antiforgery.FormFieldName = EntPageWriter.AntiforgeryField;
            antiforgery.HeaderName = "X-Ent-Antiforgery";
        });
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>().Configure<IOptions<EntWebOptions>>((antiforgery, web) =>
            antiforgery.Cookie.SecurePolicy = web.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        var authentication = services.AddAuthentication(SessionScheme).AddCookie(SessionScheme);
        if (probe.OpenIdConnect is { } oidc)
        {
            AddOpenIdConnect(services, authentication, oidc, probe.SecureCookies);
        }

        services.AddOptions<CookieAuthenticationOptions>(SessionScheme).Configure<IOptions<EntWebOptions>>((cookie, web) =>
        {
            cookie.Cookie.Name = "ent.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax; // Lax: an identity provider's redirect back still carries it
            cookie.Cookie.SecurePolicy = web.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = web.Value.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/sign-in";
            cookie.AccessDeniedPath = "/sign-in";
        });
        services.AddAuthorization();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<EntWebOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    /// <summary>The scheme of the department's OpenID Connect provider.</summary>
    public const string OpenIdConnectScheme = "ent.oidc";

    /// <summary>The short-lived cookie holding the provider's answer until the person is found in the directory.</summary>
    public const string ExternalScheme = "ent.external";

    private static void AddOpenIdConnect(IServiceCollection services, Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, EntOpenIdConnectOptions oidc, bool secure)
    {
        var policy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        authentication.AddCookie(ExternalScheme, cookie =>
        {
            cookie.Cookie.Name = "ent.external";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = policy;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        authentication.AddOpenIdConnect(OpenIdConnectScheme, o =>
        {
            o.SignInScheme = ExternalScheme;
            o.Authority = oidc.Authority!.ToString();
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.ResponseType = "code"; // the authorization code flow, with PKCE
            o.ResponseMode = "query"; // a top-level GET back: the correlation cookies stay SameSite=Lax
            o.UsePkce = true;
            o.CallbackPath = "/sign-in/oidc/callback";
            o.MapInboundClaims = false; // claims as the provider names them: 'sub' stays 'sub'
            o.SaveTokens = false;
            o.Scope.Clear();
            foreach (var scope in oidc.Scopes)
            {
                o.Scope.Add(scope);
            }

            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = policy;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = policy;
        });
    }

    /// <summary>Reports every problem of the web options at start, each naming its value.</summary>
    private sealed class EntWebOptionsValidator : IValidateOptions<EntWebOptions>
    {
        public ValidateOptionsResult Validate(string? name, EntWebOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
