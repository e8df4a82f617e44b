namespace Ent.Sdk.Views;

/// <summary>Why a render failed.</summary>
public enum ViewFailure
{
    /// <summary>No template has that name.</summary>
    UnknownTemplate,

    /// <summary>The template does not parse.</summary>
    Syntax,

    /// <summary>The template ran more loop iterations than allowed.</summary>
    LoopLimit,

    /// <summary>The template called functions or includes deeper than allowed.</summary>
    RecursionLimit,

    /// <summary>The template wrote more output than allowed.</summary>
    OutputLimit,

    /// <summary>The template ran longer than allowed.</summary>
    Timeout,

    /// <summary>The model cannot be given to a template (a delegate, a stream, too deep…).</summary>
    Model,

    /// <summary>The template failed while running (an unknown function, a missing string, a bad argument…).</summary>
    Runtime,
}

/// <summary>A render that failed: names the template, the version, and where in it when known. Nothing was written.</summary>
public sealed class ViewException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why.</param>
    /// <param name="template">The template's name.</param>
    /// <param name="source">The version that failed, if one was found.</param>
    /// <param name="message">What happened, naming the value.</param>
    /// <param name="line">The 1-based line, when known.</param>
    /// <param name="column">The 1-based column, when known.</param>
    /// <param name="inner">The engine's exception, if any.</param>
    public ViewException(ViewFailure failure, string template, ViewSource? source, string message, int? line = null, int? column = null, Exception? inner = null)
        : base(Describe(template, source, message, line, column), inner)
    {
        Failure = failure;
        Template = template;
        TemplateSource = source;
        Line = line;
        Column = column;
    }

    /// <summary>Why the render failed.</summary>
    public ViewFailure Failure { get; }

    /// <summary>The template's name.</summary>
    public string Template { get; }

    /// <summary>The version that failed.</summary>
    public ViewSource? TemplateSource { get; }

    /// <summary>The 1-based line, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column, when known.</summary>
    public int? Column { get; }

    private static string Describe(string template, ViewSource? source, string message, int? line, int? column)
    {
        var where = source is null ? $"Template '{template}'" : $"Template '{template}' ({source})";
        return line is null ? $"{where}: {message}" : $"{where}, line {line}, column {column}: {message}";
    }
}
