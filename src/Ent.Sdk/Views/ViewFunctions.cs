using Scriban;

namespace Ent.Sdk.Views;

/// <summary>
/// The functions Ent adds to templates, imported by name (snake_case): <c>t</c> for the area's strings,
/// <c>include</c> for another template (with the same overrides), <c>markdown</c> for content.
/// </summary>
internal static class ViewFunctions
{
    /// <summary><c>t "key" value…</c>: the text of the template's area in the reader's language.</summary>
    public static string T(TemplateContext context, string key, params object[] values)
    {
        var view = (ViewTemplateContext)context;
        return view.Renderer.Strings.Get(view.Area, key, view.ReaderLanguage, values);
    }

    /// <summary><c>include "area/name"</c>: renders another template here, with the same model, school and language.</summary>
    public static object Include(TemplateContext context, string name)
    {
        var view = (ViewTemplateContext)context;
        return view.Renderer.RenderInclude(view, name);
    }

    /// <summary><c>markdown text</c>: content through the shared Markdown pipeline.</summary>
    public static object Markdown(TemplateContext context, string text)
    {
        var view = (ViewTemplateContext)context;
        var html = view.Renderer.Markdown.Render(text ?? string.Empty).Html;
        return view.Kind == ViewKind.Html ? new HtmlFragment(html) : html;
    }
}
