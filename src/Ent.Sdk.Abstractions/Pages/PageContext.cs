using Ent.Core.Access;
using Ent.Core.Organisation;
using Ent.Sdk.Views;

namespace Ent.Sdk.Pages;

/// <summary>
/// What the host tells a page about its request: who views it (signed in by the host), in which school and language,
/// today's date in the department, the query, and when a form is shown again, its errors and the values posted.
/// </summary>
public sealed record PageContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="actor">The signed-in person.</param>
    /// <param name="school">The school the person is working in, or null for department-wide work.</param>
    /// <param name="language">The viewer's language (<c>fr</c>, <c>en</c>).</param>
    /// <param name="today">Today in the department's time zone.</param>
    public PageContext(Actor actor, School? school, string language, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrEmpty(language);
        Actor = actor;
        School = school;
        Language = language;
        Today = today;
    }

    /// <summary>The signed-in person, as the actor of every call the page makes.</summary>
    public Actor Actor { get; }

    /// <summary>The school the viewer works in, or null for department-wide work.</summary>
    public School? School { get; }

    /// <summary>The viewer's language.</summary>
    public string Language { get; }

    /// <summary>Today in the department's time zone.</summary>
    public DateOnly Today { get; }

    /// <summary>The query string's values (the first of each name).</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>The errors of a form shown again; empty otherwise.</summary>
    public IReadOnlyList<FormError> Errors { get; init; } = [];

    /// <summary>The values of a form shown again, by field name; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> Posted { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the host serves Ent (<c>""</c> at the root, or e.g. <c>/ent</c>): prefix of every link.</summary>
    public string PathBase { get; init; } = string.Empty;

    /// <summary>The views' scope: the viewer's school (its overrides) and language.</summary>
    public ViewScope ViewScope => new(School?.Uai.Value, Language);

    /// <summary>A link to a page of this host, e.g. <c>Link("grading/courses")</c>.</summary>
    /// <param name="path">The page's path, without a leading slash.</param>
    public string Link(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return $"{PathBase}/{path.TrimStart('/')}";
    }

    /// <summary>
    /// Whether the viewer holds a capability in their school (any of their current roles there grants it): to show or hide
    /// what a page offers, such as a button. The operation behind it still checks its own target.
    /// </summary>
    /// <param name="capability">The capability.</param>
    public bool Holds(Capability capability) => HoldsCheck?.Invoke(capability) ?? false;

    /// <summary>The host's check behind <see cref="Holds"/>.</summary>
    internal Func<Capability, bool>? HoldsCheck { get; init; }

    /// <summary>The error of a field, if any (for a template to show it beside the field).</summary>
    /// <param name="field">The field's name.</param>
    public string? ErrorOf(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
