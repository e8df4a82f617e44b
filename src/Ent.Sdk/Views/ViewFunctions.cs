using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Ent.Sdk.Views;

/// <summary>
/// The functions Ent adds to templates: <c>t</c> for the area's strings, <c>include</c> for another
/// template (with the same overrides), <c>markdown</c> for content. Each takes its arguments as they come
/// (no reflection per call: a report card calls <c>t</c> twenty times).
/// </summary>
internal abstract class ViewFunction(int required, int maximum) : IScriptCustomFunction
{
    /// <inheritdoc />
    public int RequiredParameterCount => required;

    /// <inheritdoc />
    public int ParameterCount => maximum;

    /// <inheritdoc />
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    /// <inheritdoc />
    public Type ReturnType => typeof(object);

    /// <summary>The functions, by the name templates call them.</summary>
    public static IReadOnlyDictionary<string, ViewFunction> All { get; } = new Dictionary<string, ViewFunction>(StringComparer.Ordinal)
    {
        ["t"] = new TextFunction(),
        ["include"] = new IncludeFunction(),
        ["markdown"] = new MarkdownFunction(),
    };

    /// <inheritdoc />
    public ScriptParameterInfo GetParameterInfo(int index) => new(index == 0 ? typeof(string) : typeof(object), index == 0 ? "name" : $"value{index}");

    /// <inheritdoc />
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count < RequiredParameterCount || arguments.Count > ParameterCount)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, $"{GetType().Name} expects {RequiredParameterCount} to {ParameterCount} arguments, not {arguments.Count}.");
        }

        return Invoke((ViewTemplateContext)context, arguments);
    }

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));

    /// <summary>Runs the function.</summary>
    protected abstract object? Invoke(ViewTemplateContext context, ScriptArray arguments);

    /// <summary><c>t "key" value…</c>: the text of the template's area in the reader's language.</summary>
    private sealed class TextFunction() : ViewFunction(1, 32)
    {
        protected override object? Invoke(ViewTemplateContext context, ScriptArray arguments)
        {
            var key = context.ObjectToString(arguments[0]) ?? string.Empty;
            if (arguments.Count == 1)
            {
                return context.Renderer.Strings.Get(context.Area, key, context.ReaderLanguage);
            }

            var values = new object?[arguments.Count - 1];
            for (var i = 1; i < arguments.Count; i++)
            {
                values[i - 1] = arguments[i];
            }

            return context.Renderer.Strings.Get(context.Area, key, context.ReaderLanguage, values);
        }
    }

    /// <summary><c>include "area/name"</c>: renders another template here, with the same model, school and language.</summary>
    private sealed class IncludeFunction() : ViewFunction(1, 1)
    {
        protected override object? Invoke(ViewTemplateContext context, ScriptArray arguments) =>
            context.Renderer.RenderInclude(context, context.ObjectToString(arguments[0]) ?? string.Empty);
    }

    /// <summary><c>markdown text</c>: content through the shared Markdown pipeline.</summary>
    private sealed class MarkdownFunction() : ViewFunction(1, 1)
    {
        protected override object? Invoke(ViewTemplateContext context, ScriptArray arguments)
        {
            var html = context.Renderer.Markdown.Render(context.ObjectToString(arguments[0]) ?? string.Empty).Html;
            return context.Kind == ViewKind.Html ? new HtmlFragment(html) : html;
        }
    }
}
