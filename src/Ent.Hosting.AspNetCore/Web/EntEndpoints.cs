using System.Security.Claims;
using Ent.Sdk.Hosting;
using Ent.Sdk.Localization;
using Ent.Sdk.Pages;
using Ent.Sdk.Views;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Schemes = Microsoft.Extensions.DependencyInjection.EntWebServiceCollectionExtensions;

namespace Ent.Hosting.AspNetCore.Web;

/// <summary>Ent's endpoints: home, sign-in and sign-out, the language switch, and the pages.</summary>
internal static partial class EntEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(string.Empty);
        group.MapGet("/", HomeAsync);
        group.MapGet("/health", () => Results.Text("ok", "text/plain; charset=utf-8")); // for load balancers: the process answers
        group.MapGet("/sign-in", SignInPageAsync);
        group.MapPost("/sign-in/demo", DemoSignInAsync).RequireRateLimiting(Schemes.SignInRateLimit);
        group.MapGet("/sign-in/oidc", ChallengeProviderAsync).RequireRateLimiting(Schemes.SignInRateLimit);
        group.MapGet("/sign-in/oidc/complete", CompleteProviderSignInAsync);
        group.MapPost("/sign-out", SignOutAsync);
        group.MapPost("/school", ChooseSchoolAsync);
        group.MapGet("/language/{language}", ChooseLanguage);
        foreach (var page in endpoints.ServiceProvider.GetRequiredService<IEntPages>().Pages)
        {
            group.MapGet("/" + page.Route, context => PageAsync(context, page, post: false));
            if (page.FormType is not null)
            {
                group.MapPost("/" + page.Route, context => PageAsync(context, page, post: true));
            }
        }

        group.MapFallback(context => Writer(context).WriteStatusAsync(context, Viewers(context).Resolve(context), StatusCodes.Status404NotFound));
        return group;
    }

    private static async Task PageAsync(HttpContext context, PageRegistration page, bool post)
    {
        var viewer = Viewers(context).Resolve(context);
        if (viewer is null)
        {
            await ChallengeAsync(context).ConfigureAwait(false);
            return;
        }

        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, PostedFile>(StringComparer.OrdinalIgnoreCase);
        if (post)
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<EntWebOptions>>().Value.MaxUploadBytes;
            if (context.Request.ContentLength > limit + (64 * 1024))
            {
                await Writer(context).WriteStatusAsync(context, viewer, StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
                return;
            }

            if (!await IsValidPostAsync(context).ConfigureAwait(false))
            {
                await Writer(context).WriteStatusAsync(context, viewer, StatusCodes.Status400BadRequest).ConfigureAwait(false);
                return;
            }

            var posted = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            foreach (var (key, value) in posted)
            {
                if (key != EntPageWriter.AntiforgeryField)
                {
                    form[key] = value.ToString();
                }
            }

            foreach (var file in posted.Files)
            {
                if (file.Length > limit)
                {
                    await Writer(context).WriteStatusAsync(context, viewer, StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
                    return;
                }

                using var content = new MemoryStream((int)file.Length);
                await file.CopyToAsync(content, context.RequestAborted).ConfigureAwait(false);
                files[file.Name] = new PostedFile(file.FileName, file.ContentType ?? "application/octet-stream", content.ToArray());
            }
        }

        var request = new PageRequest(page, viewer, post, context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value?.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            Form = form,
            Files = files,
            Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            PathBase = context.Request.PathBase.Value ?? string.Empty,
        };
        var response = await context.RequestServices.GetRequiredService<IEntPages>().DispatchAsync(request, context.RequestAborted).ConfigureAwait(false);
        var writer = Writer(context);
        switch (response.Status)
        {
            case PageStatus.Page or PageStatus.InvalidForm:
                await writer.WritePageAsync(context, viewer, response.Title!, response.Html!, response.Status == PageStatus.Page ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, page.Route, response.Refresh).ConfigureAwait(false);
                break;
            case PageStatus.Json:
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(response.Json!, context.RequestAborted).ConfigureAwait(false);
                break;
            case PageStatus.File:
                context.Response.ContentType = response.ContentType!;
                if (response.FileName is { } name)
                {
                    context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
                }

                if (response.Bytes is { } bytes)
                {
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
                }
                else
                {
                    await context.Response.WriteAsync(response.Content!, context.RequestAborted).ConfigureAwait(false);
                }

                break;
            case PageStatus.Redirect:
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = $"{request.PathBase}/{response.Location}";
                break;
            default:
                var status = response.Status switch { PageStatus.Forbidden => 403, PageStatus.NotFound => 404, _ => 500 };
                Log(context).Refused(page.Route, status, response.Reason ?? string.Empty);
                await writer.WriteStatusAsync(context, viewer, status).ConfigureAwait(false);
                break;
        }
    }

    private static async Task HomeAsync(HttpContext context)
    {
        var viewer = Viewers(context).Resolve(context);
        if (viewer is null)
        {
            await ChallengeAsync(context).ConfigureAwait(false);
            return;
        }

        var services = context.RequestServices;
        var strings = services.GetRequiredService<ILocalizedStrings>();
        var viewers = Viewers(context);
        var pathBase = context.Request.PathBase.Value ?? string.Empty;
        var links = services.GetRequiredService<IEntPages>().NavigationFor(viewer).Select(item => new { item.Label, Href = $"{pathBase}/{item.Route}" }).ToArray();
        var schools = viewers.SchoolsOf(viewer.Actor.Person).Select(s => new { Id = s.Id.Value, s.Name, Uai = s.Uai.Value, Current = s.Id == viewer.School?.Id }).ToArray();
        var title = strings.Get("ent", "home.title", viewer.Language);
        var content = services.GetRequiredService<IViewRenderer>().Render("ent/home",
            new { Name = viewers.NameOf(viewer.Actor.Person), Links = links, Schools = schools, SchoolAction = pathBase + "/school" }, new ViewScope(viewer.School?.Uai.Value, viewer.Language));
        await Writer(context).WritePageAsync(context, viewer, title, content, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    private static async Task SignInPageAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<EntWebOptions>>().Value;
        var viewers = Viewers(context);
        var language = viewers.LanguageOf(context);
        var pathBase = context.Request.PathBase.Value ?? string.Empty;
        var personas = options.Demo
            ? options.DemoPersonas.Select(p => new { p.Key, Name = viewers.NameOf(p.Person), Description = language == "en" ? p.EnglishDescription : p.Description }).ToArray()
            : [];
        var strings = services.GetRequiredService<ILocalizedStrings>();
        var returnUrl = SafeReturn(context.Request.Query["return"].ToString(), pathBase);
        var provider = options.OpenIdConnect is { } oidc ? new { oidc.DisplayName, Href = $"{pathBase}/sign-in/oidc?return={Uri.EscapeDataString(returnUrl)}" } : null;
        var content = services.GetRequiredService<IViewRenderer>().Render("ent/sign-in",
            new { options.Demo, Personas = personas, DemoAction = pathBase + "/sign-in/demo", ReturnUrl = returnUrl, Provider = provider }, new ViewScope(null, language));
        await Writer(context).WritePageAsync(context, null, strings.Get("ent", "sign-in.title", language), content, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    private static async Task DemoSignInAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<EntWebOptions>>().Value;
        if (!options.Demo || !await IsValidPostAsync(context).ConfigureAwait(false))
        {
            await Writer(context).WriteStatusAsync(context, null, options.Demo ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var persona = options.DemoPersonas.FirstOrDefault(p => p.Key == form["persona"].ToString());
        if (persona is null)
        {
            await Writer(context).WriteStatusAsync(context, null, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        await SignInAsync(context, persona.Person.Value, school: null).ConfigureAwait(false);
        Redirect(context, SafeReturn(form["return"].ToString(), context.Request.PathBase.Value ?? string.Empty));
    }

    /// <summary>Sends the person to the department's identity provider, which sends them back to the callback and then to <see cref="CompleteProviderSignInAsync"/>.</summary>
    private static async Task ChallengeProviderAsync(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<IOptions<EntWebOptions>>().Value.OpenIdConnect is null)
        {
            await Writer(context).WriteStatusAsync(context, null, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        var pathBase = context.Request.PathBase.Value ?? string.Empty;
        var complete = $"{pathBase}/sign-in/oidc/complete?return={Uri.EscapeDataString(SafeReturn(context.Request.Query["return"].ToString(), pathBase))}";
        await context.ChallengeAsync(Schemes.OpenIdConnectScheme, new AuthenticationProperties { RedirectUri = complete }).ConfigureAwait(false);
    }

    /// <summary>
    /// Finds the person the provider vouched for in the directory, by their external id, and opens their session; a person
    /// the directory does not know (or of another department) is refused, and nothing of the provider's answer is kept.
    /// </summary>
    private static async Task CompleteProviderSignInAsync(HttpContext context)
    {
        var oidc = context.RequestServices.GetRequiredService<IOptions<EntWebOptions>>().Value.OpenIdConnect;
        var external = oidc is null ? null : await context.AuthenticateAsync(Schemes.ExternalScheme).ConfigureAwait(false);
        if (oidc is null || external is not { Succeeded: true })
        {
            await Writer(context).WriteStatusAsync(context, null, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        await context.SignOutAsync(Schemes.ExternalScheme).ConfigureAwait(false);
        var subject = external.Principal.FindFirstValue(oidc.ExternalIdClaim);
        var person = subject is null ? null : context.RequestServices.GetRequiredService<Ent.Core.Organisation.IOrganisationDirectory>().FindPersonByExternalId(oidc.Department, subject);
        if (person is null)
        {
            Log(context).UnknownAccount(oidc.ExternalIdClaim, subject ?? "(none)");
            await Writer(context).WriteStatusAsync(context, null, StatusCodes.Status403Forbidden, "unknown-account").ConfigureAwait(false);
            return;
        }

        await SignInAsync(context, person.Id.Value, school: null).ConfigureAwait(false);
        Redirect(context, SafeReturn(context.Request.Query["return"].ToString(), context.Request.PathBase.Value ?? string.Empty));
    }

    private static async Task SignOutAsync(HttpContext context)
    {
        if (!await IsValidPostAsync(context).ConfigureAwait(false))
        {
            await Writer(context).WriteStatusAsync(context, null, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        await context.SignOutAsync(Schemes.SessionScheme).ConfigureAwait(false);
        Redirect(context, (context.Request.PathBase.Value ?? string.Empty) + "/sign-in");
    }

    private static async Task ChooseSchoolAsync(HttpContext context)
    {
        var viewers = Viewers(context);
        var viewer = viewers.Resolve(context);
        if (viewer is null || !await IsValidPostAsync(context).ConfigureAwait(false))
        {
            await Writer(context).WriteStatusAsync(context, viewer, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var school = Guid.TryParse(form["school"].ToString(), out var id) ? viewers.SchoolsOf(viewer.Actor.Person).FirstOrDefault(s => s.Id.Value == id) : null;
        if (school is null)
        {
            await Writer(context).WriteStatusAsync(context, viewer, StatusCodes.Status403Forbidden).ConfigureAwait(false); // not one of the person's schools
            return;
        }

        await SignInAsync(context, viewer.Actor.Person.Value, school.Id.Value).ConfigureAwait(false);
        Redirect(context, (context.Request.PathBase.Value ?? string.Empty) + "/");
    }

    private static IResult ChooseLanguage(HttpContext context, string language)
    {
        if (!EntViewers.Languages.Contains(language))
        {
            return Results.NotFound();
        }

        var secure = context.RequestServices.GetRequiredService<IOptions<EntWebOptions>>().Value.SecureCookies;
        context.Response.Cookies.Append(EntViewers.LanguageCookie, language, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = secure, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        return Results.Redirect(SafeReturn(context.Request.Query["return"].ToString(), context.Request.PathBase.Value ?? string.Empty));
    }

    /// <summary>Signs a person in: a session holding their id (and the school they chose), nothing else believed from it later.</summary>
    internal static Task SignInAsync(HttpContext context, Guid person, Guid? school)
    {
        var claims = new List<Claim> { new(EntViewers.PersonClaim, person.ToString()) };
        if (school is { } chosen)
        {
            claims.Add(new Claim(EntViewers.SchoolClaim, chosen.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Schemes.SessionScheme));
        return context.SignInAsync(Schemes.SessionScheme, principal);
    }

    private static Task ChallengeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            var pathBase = context.Request.PathBase.Value ?? string.Empty;
            Redirect(context, $"{pathBase}/sign-in?return={Uri.EscapeDataString(pathBase + context.Request.Path + context.Request.QueryString)}");
            return Task.CompletedTask;
        }

        return Writer(context).WriteStatusAsync(context, null, StatusCodes.Status403Forbidden);
    }

    private static async Task<bool> IsValidPostAsync(HttpContext context) =>
        context.Request.HasFormContentType && await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false);

    /// <summary>A return address within the host only: a local path, never another site.</summary>
    private static string SafeReturn(string? requested, string pathBase) =>
        requested is { Length: > 0 } path && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path
            : pathBase + "/";

    private static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
    }

    private static EntViewers Viewers(HttpContext context) => context.RequestServices.GetRequiredService<EntViewers>();

    private static EntPageWriter Writer(HttpContext context) => context.RequestServices.GetRequiredService<EntPageWriter>();

    private static EntWebLog Log(HttpContext context) => context.RequestServices.GetRequiredService<EntWebLog>();
}

/// <summary>The web host's log messages.</summary>
internal sealed partial class EntWebLog(ILogger<EntWebLog> logger)
{
    [LoggerMessage(Level = LogLevel.Information, Message = "The page '{Route}' answered {Status}: {Reason}")]
    public partial void Refused(string route, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in through the identity provider was refused: no person of the directory has the {Claim} '{Subject}'.")]
    public partial void UnknownAccount(string claim, string subject);
}
