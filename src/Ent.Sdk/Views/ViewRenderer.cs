using System.Globalization;
using System.Text.RegularExpressions;
using Ent.Sdk.Content;
using Ent.Sdk.Enablement;
using Ent.Sdk.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Ent.Sdk.Views;

/// <summary>
/// Renders the catalog's templates: a new context per render over one set of read-only built-ins, the
/// model copied into script objects, limits on loops, recursion, output and time, values HTML-encoded
/// and the page sanitised for HTML templates (but for the host's own, while no other template takes part). An override that fails at run time falls back to the
/// version below it, with a diagnostic; a failure of the shipped version is a <see cref="ViewException"/>.
/// A plugin's view rendered for a school is offered only where the plugin is on that day.
/// </summary>
internal sealed class ViewRenderer : IViewRenderer
{
    private readonly ViewCatalog _catalog;
    private readonly ViewOptions _options;
    private readonly ScriptObject _builtins;
    private readonly ScriptModel _models = new();
    private readonly Lazy<SchoolOffer?> _offer; // absent when the views run without AddEnt's plugins

    public ViewRenderer(ViewCatalog catalog, ILocalizedStrings strings, IMarkdownRenderer markdown, IOptions<ViewOptions> options, TimeProvider time, TimeZoneInfo zone, IServiceProvider services)
    {
        _catalog = catalog;
        _offer = new Lazy<SchoolOffer?>(services.GetService<SchoolOffer>);
        _options = options.Value;
        Strings = strings;
        Markdown = markdown;
        _builtins = Builtins(time, zone);
    }

    /// <summary>The strings <c>t</c> reads.</summary>
    public ILocalizedStrings Strings { get; }

    /// <summary>The Markdown pipeline <c>markdown</c> uses.</summary>
    public IMarkdownRenderer Markdown { get; }

    /// <inheritdoc />
    public string Render(string name, object? model, ViewScope? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        scope ??= ViewScope.Department;
        var language = scope.Language ?? _options.DefaultLanguage;
        if (!LanguageCode.IsValid(language))
        {
            throw new ArgumentException($"'{language}' is not a language code such as 'fr' or 'en'.", nameof(scope));
        }

        var entry = Entry(name);
        if (scope.School is { } school)
        {
            _offer.Value?.DemandView(entry.Name, school); // a plugin's view, only where the plugin is on
        }

        var culture = LanguageCode.CultureOf(language);
        using var candidates = entry.Candidates(scope.School).GetEnumerator();
        if (!candidates.MoveNext())
        {
            throw Unrenderable(entry);
        }

        while (true)
        {
            var candidate = candidates.Current;
            ScriptObject globals;
            try
            {
                globals = _models.ToGlobals(model);
            }
            catch (ArgumentException exception)
            {
                throw new ViewException(ViewFailure.Model, name, candidate.Source, exception.Message);
            }

            try
            {
                var (output, hostOnly) = Run(entry, candidate, globals, scope.School, language, culture, cancellationToken);
                return entry.Kind == ViewKind.Html && !hostOnly ? HtmlPageSanitizer.Sanitize(output) : output; // the host's own templates are trusted as its code
            }
            catch (ViewException exception) when (candidate.Source.Layer != ViewLayer.Shipped)
            {
                if (!candidates.MoveNext())
                {
                    throw;
                }

                _catalog.Report(new ViewDiagnostic(name, candidate.Source, $"failed at run time and {candidates.Current.Source} was rendered instead: {exception.Message}"));
            }
        }
    }

    /// <summary>Renders an included template inside a running render, with the same overrides, language and limits.</summary>
    public object RenderInclude(ViewTemplateContext context, string name)
    {
        var entry = Entry(name);
        var depth = context.IncludeDepth;
        if (depth >= _options.MaxRecursionDepth)
        {
            throw new ViewException(ViewFailure.RecursionLimit, name, null, $"includes nest deeper than {_options.MaxRecursionDepth} (does it include itself?).");
        }

        using var candidates = entry.Candidates(context.School).GetEnumerator();
        if (!candidates.MoveNext())
        {
            throw Unrenderable(entry);
        }

        var area = context.Area;
        context.Area = entry.Area;
        context.IncludeDepth = depth + 1;
        try
        {
            while (true)
            {
                var candidate = candidates.Current;
                context.HostOnly &= candidate.Host;
                context.PushOutput();
                try
                {
                    var output = Translate(() => candidate.Template.Render(context), name, candidate.Source, context.CancellationToken);
                    return entry.Kind == ViewKind.Html && context.Kind == ViewKind.Html ? new HtmlFragment(output) : output;
                }
                catch (ViewException exception) when (candidate.Source.Layer != ViewLayer.Shipped && exception.Failure != ViewFailure.Timeout)
                {
                    if (!candidates.MoveNext())
                    {
                        throw;
                    }

                    _catalog.Report(new ViewDiagnostic(name, candidate.Source, $"failed at run time and {candidates.Current.Source} was included instead: {exception.Message}"));
                }
                finally
                {
                    context.PopOutput();
                }
            }
        }
        finally
        {
            context.Area = area;
            context.IncludeDepth = depth;
        }
    }

    /// <summary>Runs a version of a template; says too whether only the host's own templates took part.</summary>
    private (string Output, bool HostOnly) Run(ViewEntry entry, CompiledView view, ScriptObject globals, string? school, string language, CultureInfo culture, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var context = new ViewTemplateContext(_builtins, this, entry, school, language, culture)
        {
            LoopLimit = _options.MaxLoopIterations,
            RecursiveLimit = _options.MaxRecursionDepth,
            OutputLimit = _options.MaxOutputLength,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            LimitToString = 0, // a value is never cut with a silent "...": a value too long for the output stops the render at OutputLimit
            Deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(_options.Timeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency),
            CancellationToken = timeout.Token,
            HostOnly = view.Host,
        };
        context.PushGlobal(globals);
        try
        {
            var output = Translate(() => view.Template.Render(context), entry.Name, view.Source, timeout.Token);
            return (output, context.HostOnly);
        }
        catch (ViewException exception) when (exception.Failure == ViewFailure.Timeout && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The render of '{entry.Name}' was cancelled.", exception, cancellationToken);
        }
    }

    /// <summary>Runs the engine and turns its exceptions into view exceptions that name the template and the position.</summary>
    private string Translate(Func<string> render, string name, ViewSource source, CancellationToken token)
    {
        try
        {
            return render();
        }
        catch (ScriptRuntimeException exception) when (FindView(exception) is { } inner)
        {
            throw inner; // an included template's failure keeps its own name and position
        }
        catch (ScriptAbortException exception)
        {
            throw Positioned(ViewFailure.Timeout, name, source, $"ran longer than {_options.Timeout.TotalSeconds:0.###} s and was stopped.", exception);
        }
        catch (ScriptRuntimeException exception) when ((token.IsCancellationRequested && exception.InnerException is OperationCanceledException) || exception.InnerException is RegexMatchTimeoutException)
        {
            throw Positioned(ViewFailure.Timeout, name, source, $"ran longer than {_options.Timeout.TotalSeconds:0.###} s and was stopped.", exception);
        }
        catch (ScriptRuntimeException exception)
        {
            var message = exception.OriginalMessage;
            var failure = message.Contains("LoopLimit", StringComparison.Ordinal) || message.Contains("iteration limit", StringComparison.Ordinal) ? ViewFailure.LoopLimit
                : message.Contains("recursive", StringComparison.OrdinalIgnoreCase) ? ViewFailure.RecursionLimit
                : message.Contains("OutputLimit", StringComparison.Ordinal) || message.Contains("LimitToString", StringComparison.Ordinal) ? ViewFailure.OutputLimit
                : ViewFailure.Runtime;
            var explained = failure switch
            {
                ViewFailure.LoopLimit => $"a loop ran more than {_options.MaxLoopIterations} iterations and was stopped.",
                ViewFailure.RecursionLimit => $"calls nest deeper than {_options.MaxRecursionDepth} and were stopped.",
                ViewFailure.OutputLimit => $"the output would exceed {_options.MaxOutputLength} characters and was stopped.",
                _ => message,
            };
            throw Positioned(failure, name, source, explained, exception);
        }
    }

    private static ViewException Positioned(ViewFailure failure, string name, ViewSource source, string message, ScriptRuntimeException exception) =>
        new(failure, name, source, message, exception.Span.Start.Line + 1, exception.Span.Start.Column + 1, exception);

    private static ViewException? FindView(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is ViewException view)
            {
                return view;
            }
        }

        return null;
    }

    private ViewEntry Entry(string name) =>
        _catalog.Names.GetValueOrDefault(name)
        ?? throw new ViewException(ViewFailure.UnknownTemplate, name, null, $"no template has this name ({_catalog.Names.Count} are known: {string.Join(", ", _catalog.Names.Keys.Order(StringComparer.Ordinal).Take(10))}{(_catalog.Names.Count > 10 ? ", …" : string.Empty)}).");

    private static ViewException Unrenderable(ViewEntry entry)
    {
        var broken = entry.Broken.FirstOrDefault();
        return broken is null
            ? new ViewException(ViewFailure.UnknownTemplate, entry.Name, null, "no version of this template loaded.")
            : new ViewException(ViewFailure.Syntax, entry.Name, broken.Source, broken.Message, broken.Line, broken.Column);
    }

    /// <summary>
    /// Scriban's built-ins without the ones that evaluate strings as code or load files, plus Ent's: regular expressions
    /// bounded by the render's time, <c>date.now</c> on the department's clock; read-only, shared by every render.
    /// </summary>
    private static ScriptObject Builtins(TimeProvider time, TimeZoneInfo zone)
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.Remove("include");
        builtins.Remove("include_join");
        builtins.Remove("regex");
        builtins.SetValue("regex", ViewRegexFunctions.Create(), readOnly: true);
        if (builtins["date"] is ScriptObject dates)
        {
            dates.Remove("now");
            dates.SetValue("now", new DepartmentNow(time, zone), readOnly: true);
        }

        if (builtins["object"] is ScriptObject objects)
        {
            objects.Remove("eval");
            objects.Remove("eval_template");
        }

        foreach (var (name, function) in ViewFunction.All)
        {
            builtins[name] = function;
        }

        foreach (var (_, value) in builtins)
        {
            if (value is ScriptObject nested)
            {
                nested.IsReadOnly = true;
            }
        }

        builtins.IsReadOnly = true;
        return builtins;
    }

    /// <summary><c>date.now</c>: the department's local time from the host's <see cref="TimeProvider"/>, not the machine's clock.</summary>
    private sealed class DepartmentNow(TimeProvider time, TimeZoneInfo zone) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 0;

        public int ParameterCount => 0;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(DateTime);

        public ScriptParameterInfo GetParameterInfo(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "date.now takes no argument.");

        public object? Invoke(TemplateContext context, Scriban.Syntax.ScriptNode? callerContext, ScriptArray arguments, Scriban.Syntax.ScriptBlockStatement? blockStatement) =>
            TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime;

        public ValueTask<object?> InvokeAsync(TemplateContext context, Scriban.Syntax.ScriptNode? callerContext, ScriptArray arguments, Scriban.Syntax.ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }
}
