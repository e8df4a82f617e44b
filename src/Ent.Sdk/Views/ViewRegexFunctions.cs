using System.Text.RegularExpressions;
using Scriban.Runtime;

namespace Ent.Sdk.Views;

/// <summary>
/// The <c>regex</c> object of templates (<c>escape</c>, <c>unescape</c>, <c>match</c>, <c>matches</c>, <c>replace</c>,
/// <c>split</c>, as in Scriban), each match bounded by the time the render has left: a catastrophic pattern stops the
/// render at its time limit, reported as a timeout, instead of running for Scriban's own 10 seconds per call.
/// </summary>
internal static class ViewRegexFunctions
{
    /// <summary>A new <c>regex</c> object.</summary>
    public static ScriptObject Create()
    {
        var regex = new ScriptObject();
        regex.SetValue("escape", new Escape(), readOnly: true);
        regex.SetValue("unescape", new Unescape(), readOnly: true);
        regex.SetValue("match", new Match(), readOnly: true);
        regex.SetValue("matches", new Matches(), readOnly: true);
        regex.SetValue("replace", new Replace(), readOnly: true);
        regex.SetValue("split", new Split(), readOnly: true);
        return regex;
    }

    private static Regex Compile(ViewTemplateContext context, ScriptArray arguments, int patternIndex, int optionsIndex) =>
        new(context.ObjectToString(arguments[patternIndex]) ?? string.Empty, Options(context, arguments, optionsIndex), context.TimeLeft());

    private static RegexOptions Options(ViewTemplateContext context, ScriptArray arguments, int index)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in arguments.Count > index ? context.ObjectToString(arguments[index]) ?? string.Empty : string.Empty)
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => throw new ArgumentException($"'{flag}' is not a regex option (i, m, s, x)."),
            };
        }

        return options;
    }

    private static ScriptArray Groups(System.Text.RegularExpressions.Match match)
    {
        var groups = new ScriptArray();
        if (match.Success)
        {
            foreach (Group group in match.Groups)
            {
                groups.Add(group.Value);
            }
        }

        return groups;
    }

    private static string Text(ViewTemplateContext context, ScriptArray arguments) => context.ObjectToString(arguments[0]) ?? string.Empty;

    /// <summary><c>regex.escape pattern</c>.</summary>
    private sealed class Escape() : ViewFunction(1, 1)
    {
        protected override object? Invoke(ViewTemplateContext context, ScriptArray arguments) => Regex.Escape(Text(context, arguments));
    }

    /// <summary><c>regex.unescape pattern</c>.</summary>
    private sealed class Unescape() : ViewFunction(1, 1)
    {
        protected override object? Invoke(ViewTemplateContext context, ScriptArray arguments) => Regex.Unescape(Text(context, arguments));
    }

    /// <summary><c>regex.match text pattern options?</c>: the first match and its groups, or an empty array.</summary>
    private sealed class Match() : ViewFunction(2, 3)
    {
        protected override object? Invoke(ViewTemplateContext context, ScriptArray arguments) => Groups(Compile(context, arguments, 1, 2).Match(Text(context, arguments)));
    }

    /// <summary><c>regex.matches text pattern options?</c>: every match, each with its groups.</summary>
    private sealed class Matches() : ViewFunction(2, 3)
    {
        protected override object? Invoke(ViewTemplateContext context, ScriptArray arguments)
        {
            var all = new ScriptArray();
            foreach (System.Text.RegularExpressions.Match match in Compile(context, arguments, 1, 2).Matches(Text(context, arguments)))
            {
                all.Add(Groups(match));
            }

            return all;
        }
    }

    /// <summary><c>regex.replace text pattern replacement options?</c>.</summary>
    private sealed class Replace() : ViewFunction(3, 4)
    {
        protected override object? Invoke(ViewTemplateContext context, ScriptArray arguments) =>
            Compile(context, arguments, 1, 3).Replace(Text(context, arguments), context.ObjectToString(arguments[2]) ?? string.Empty);
    }

    /// <summary><c>regex.split text pattern options?</c>.</summary>
    private sealed class Split() : ViewFunction(2, 3)
    {
        protected override object? Invoke(ViewTemplateContext context, ScriptArray arguments) =>
            new ScriptArray(Compile(context, arguments, 1, 2).Split(Text(context, arguments)));
    }
}
