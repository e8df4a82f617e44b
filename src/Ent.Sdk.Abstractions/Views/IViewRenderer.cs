namespace Ent.Sdk.Views;

/// <summary>
/// Renders named templates. Thread-safe: templates are parsed once, each render gets its own context.
/// The model is copied into plain script objects (public properties, lists, dictionaries, numbers, text,
/// dates), so a template never reaches a live .NET object.
/// </summary>
public interface IViewRenderer
{
    /// <summary>Renders a template.</summary>
    /// <param name="name">The template's name, e.g. <c>grading/report-card</c>.</param>
    /// <param name="model">The view model: a record or class of data, a dictionary, or null. Its members are named in snake_case (<c>PupilName</c> → <c>pupil_name</c>).</param>
    /// <param name="scope">The school and language, or null for the department's defaults.</param>
    /// <param name="cancellationToken">Cancels the render.</param>
    /// <returns>The output: for an HTML template, encoded and sanitised.</returns>
    /// <exception cref="ViewException">No such template, a syntax error, a limit exceeded, a bad model or a run-time error; names the template and where.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="Enablement.PluginDisabledException">The view is a plugin's and the scope's school has that plugin off today.</exception>
    /// <exception cref="ArgumentException">The scope names a school the directory does not know, for a plugin's view.</exception>
    string Render(string name, object? model, ViewScope? scope = null, CancellationToken cancellationToken = default);
}
