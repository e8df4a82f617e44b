using System.Collections.Frozen;
using System.Text.Json;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Organisation;
using Ent.Sdk.Enablement;
using Ent.Sdk.Hosting;
using Ent.Sdk.Localization;
using Ent.Sdk.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ent.Sdk.Pages;

/// <summary>The pages of the plugins and the host, and their dispatch: enablement, rights, binding, errors, views.</summary>
internal sealed partial class EntPages : IEntPages
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly FrozenDictionary<PageRegistration, PageInvoker> _invokers;
    private readonly IServiceProvider _services;
    private readonly IAccessControl _access;
    private readonly IPluginEnablement _enablement;
    private readonly Ent.Core.Organisation.IOrganisationDirectory _directory;
    private readonly IViewRenderer _views;
    private readonly ILocalizedStrings _strings;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;
    private readonly ILogger<EntPages> _logger;

    public EntPages(IEnumerable<PageRegistration> registrations, IServiceProvider services, IAccessControl access, IPluginEnablement enablement, IViewRenderer views,
        ILocalizedStrings strings, TimeProvider time, TimeZoneInfo zone, ILogger<EntPages> logger, Ent.Core.Organisation.IOrganisationDirectory directory)
    {
        _directory = directory;
        _services = services;
        _access = access;
        _enablement = enablement;
        _views = views;
        _strings = strings;
        _time = time;
        _zone = zone;
        _logger = logger;
        var pages = new List<PageRegistration>();
        foreach (var registration in registrations)
        {
            if (pages.FirstOrDefault(p => SameRoute(p.Route, registration.Route)) is { } first)
            {
                LogDuplicate(registration.Route, registration.PluginId ?? "the host", first.PluginId ?? "the host");
                continue;
            }

            pages.Add(registration);
        }

        Pages = pages;
        _invokers = pages.ToFrozenDictionary(p => p, PageInvoker.For);
    }

    public IReadOnlyList<PageRegistration> Pages { get; }

    public IReadOnlyList<NavigationItem> NavigationFor(PageViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var today = SchoolTime.Today(_time, _zone);
        return [.. Pages
            .Where(p => p.Navigation is not null && IsOn(p, viewer, today) && Holds(p, viewer))
            .OrderBy(p => p.Navigation!.Order).ThenBy(p => p.Route, StringComparer.Ordinal)
            .Select(p => new NavigationItem(_strings.Get(p.Navigation!.Area, p.Navigation.LabelKey, viewer.Language), p.Route, p.PluginId))];
    }

    public async Task<PageResponse> DispatchAsync(PageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = request.Page;
        var viewer = request.Viewer;
        if (!_invokers.TryGetValue(page, out var invoker))
        {
            return new PageResponse(PageStatus.NotFound) { Reason = $"the route '{page.Route}' is not one of this host's pages" };
        }

        var today = SchoolTime.Today(_time, _zone);
        if (!IsOn(page, viewer, today))
        {
            return new PageResponse(PageStatus.NotFound) { Reason = $"'{page.PluginId}' is off in the viewer's school on {today:yyyy-MM-dd}" };
        }

        var decision = Decide(page, viewer);
        if (!decision.Allowed)
        {
            return new PageResponse(PageStatus.Forbidden) { Reason = decision.Reason };
        }

        if (!PageBinder.TryBindRoute(page.RouteType, request.RouteValues, out var route))
        {
            return new PageResponse(PageStatus.NotFound) { Reason = $"a route value of '{page.Route}' does not read as its type" };
        }

        var context = new PageContext(viewer.Actor, viewer.School, viewer.Language, today)
        {
            Query = request.Query,
            PathBase = request.PathBase,
            HoldsCheck = capability => _access.EvaluateWithin(viewer.Actor, capability, ScopeOf(viewer)).Allowed,
        };
        var instance = _services.GetRequiredService(page.PageType);
        try
        {
            PageResult result;
            if (request.IsPost)
            {
                if (page.FormType is null)
                {
                    return new PageResponse(PageStatus.NotFound) { Reason = $"the page '{page.Route}' has no form" };
                }

                var (form, errors) = PageBinder.BindForm(page.FormType, request.Form, request.Files, viewer.Language);
                if (errors.Count > 0)
                {
                    return await ShowAgainAsync(invoker, instance, context, route, request.Form, errors, cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    result = await invoker.PostAsync(instance, context, route, form!, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (IsBadInput(exception))
                {
                    result = PageResult.Invalid(new FormError(null, exception.Message));
                }
                catch (Ent.Storage.RecordConflictException)
                {
                    // Someone else saved the same thing meanwhile and the page's services did not merge it: nothing of this post was saved.
                    result = PageResult.Invalid(new FormError(null, viewer.Language == "en"
                        ? "Someone saved this page's data meanwhile; nothing of yours was saved. Check what is shown and save again."
                        : "Quelqu'un a enregistré ces données entre-temps ; rien de votre saisie n'a été enregistré. Vérifiez ce qui est affiché et enregistrez à nouveau."));
                }

                if (result is InvalidFormPageResult invalid)
                {
                    return await ShowAgainAsync(invoker, instance, context, route, request.Form, invalid.Errors, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                result = await invoker.GetAsync(instance, context, route, cancellationToken).ConfigureAwait(false);
            }

            return Answer(result, context, PageStatus.Page);
        }
        catch (Exception exception) when (Refusal(exception) is { } refused)
        {
            return refused;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailure(exception, page.Route, page.PluginId ?? "the host");
            return new PageResponse(PageStatus.Failed) { Reason = exception.Message };
        }
    }

    private async Task<PageResponse> ShowAgainAsync(PageInvoker invoker, object instance, PageContext context, object route, IReadOnlyDictionary<string, string> posted, IReadOnlyList<FormError> errors, CancellationToken cancellationToken)
    {
        var again = context with { Errors = errors, Posted = posted };
        var result = await invoker.GetAsync(instance, again, route, cancellationToken).ConfigureAwait(false);
        return Answer(result, again, PageStatus.InvalidForm);
    }

    private PageResponse Answer(PageResult result, PageContext context, PageStatus status) => result switch
    {
        ViewPageResult view => new PageResponse(status) { Title = view.Title, Html = _views.Render(view.ViewName, view.Model, context.ViewScope), Refresh = status == PageStatus.Page ? view.RefreshEvery : null },
        JsonPageResult json => new PageResponse(PageStatus.Json) { Json = JsonSerializer.Serialize(json.Value, Json) },
        FilePageResult file => new PageResponse(PageStatus.File) { ContentType = file.ContentType, Content = file.Content, FileName = DownloadName(file.FileName) },
        BinaryFilePageResult file => new PageResponse(PageStatus.File) { ContentType = file.ContentType, Bytes = file.Content, FileName = DownloadName(file.FileName) },
        RedirectPageResult redirect => new PageResponse(PageStatus.Redirect) { Location = redirect.Path.TrimStart('/') },
        NotFoundPageResult => new PageResponse(PageStatus.NotFound) { Reason = "the page answered not found" },
        InvalidFormPageResult => throw new InvalidOperationException("A page's GET answered Invalid, which only a post may answer."),
        _ => throw new InvalidOperationException($"{result.GetType().Name} is not a page result."),
    };

    /// <summary>A file's name as a page gives it, checked: letters, digits, '-', '_' and '.', not starting with '.'.</summary>
    private static string? DownloadName(string? name) =>
        name is not null && (name.Length == 0 || name.StartsWith('.') || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')))
            ? throw new InvalidOperationException($"'{name}' is not a file name a page may give: letters, digits, '-', '_' and '.'.")
            : name;

    /// <summary>What the page's services raise when the viewer may not, or names what does not exist.</summary>
    private static PageResponse? Refusal(Exception exception) => exception switch
    {
        AccessDeniedException denied => new PageResponse(PageStatus.Forbidden) { Reason = denied.Message },
        UnknownReferenceException unknown => new PageResponse(PageStatus.NotFound) { Reason = unknown.Message },
        PluginDisabledException off => new PageResponse(PageStatus.NotFound) { Reason = off.Message },
        ArgumentException argument => new PageResponse(PageStatus.NotFound) { Reason = argument.Message }, // a GET naming what is not there
        _ => null,
    };

    private static bool IsBadInput(Exception exception) =>
        exception is ArgumentException or FormatException || (exception is InvalidOperationException && exception is not PluginDisabledException && exception is not ObjectDisposedException);

    private bool IsOn(PageRegistration page, PageViewer viewer, DateOnly today) =>
        page.PluginId is not { } plugin
        || (viewer.School is { } school
            ? _enablement.IsEnabled(plugin, school.Id, today)
            : page.ForDepartment && _directory.SchoolsOf(viewer.Actor.Department).Any(s => _enablement.IsEnabled(plugin, s.Id, today)));

    private bool Holds(PageRegistration page, PageViewer viewer) => Decide(page, viewer).Allowed;

    private AccessDecision Decide(PageRegistration page, PageViewer viewer) => _access.EvaluateWithin(viewer.Actor, page.Capability, ScopeOf(viewer));

    private static AccessScope ScopeOf(PageViewer viewer) =>
        viewer.School is { } school ? AccessScope.OfSchool(viewer.Actor.Department, school.Id) : AccessScope.OfDepartment(viewer.Actor.Department);

    private static bool SameRoute(string a, string b) =>
        string.Equals(Shape(a), Shape(b), StringComparison.Ordinal);

    /// <summary>A route with its placeholders unnamed: two routes of one shape would match the same paths.</summary>
    private static string Shape(string route) => string.Join('/', route.Split('/').Select(s => s.StartsWith('{') ? "{}" : s));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The page route '{Route}' of {Plugin} is already {First}'s; it is not served.")]
    private partial void LogDuplicate(string route, string plugin, string first);

    [LoggerMessage(Level = LogLevel.Error, Message = "The page '{Route}' of {Plugin} failed.")]
    private partial void LogFailure(Exception exception, string route, string plugin);
}
