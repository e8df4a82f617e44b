using Ent.Core.Identifiers;

namespace Ent.Core.Calendar;

/// <summary>The three zones of France's school holidays (vacances scolaires): Seine-Saint-Denis is in zone C.</summary>
public enum HolidayZone
{
    /// <summary>Zone A (Besançon, Bordeaux, Lyon…).</summary>
    A,

    /// <summary>Zone B (Lille, Nantes, Strasbourg…).</summary>
    B,

    /// <summary>Zone C (Créteil, Montpellier, Paris, Toulouse, Versailles).</summary>
    C,
}

/// <summary>
/// Days without school: a national holiday of one zone (applies where the department is in that zone), the department's own
/// dates (a bridge day), or one school's (a pedagogical day).
/// </summary>
public sealed record SchoolHoliday
{
    /// <summary>Creates a holiday.</summary>
    /// <param name="name">Its name, e.g. "Vacances de la Toussaint".</param>
    /// <param name="first">Its first day without school.</param>
    /// <param name="last">Its last day without school.</param>
    /// <param name="zone">The zone whose holiday it is; null for the department's or a school's own dates.</param>
    /// <param name="school">The one school it applies to; null for the whole department.</param>
    /// <exception cref="ArgumentException">The name is empty or over 200 characters, or the holiday ends before it begins.</exception>
    public SchoolHoliday(string name, DateOnly first, DateOnly last, HolidayZone? zone = null, SchoolId? school = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new ArgumentException($"A holiday's name has 1 to 200 characters; '{name}' has {name?.Length ?? 0}.", nameof(name));
        }

        if (last < first)
        {
            throw new ArgumentException($"Holiday '{name}' ends ({last:yyyy-MM-dd}) before it begins ({first:yyyy-MM-dd}).", nameof(last));
        }

        if (zone is { } z && !Enum.IsDefined(z))
        {
            throw new ArgumentOutOfRangeException(nameof(zone), zone, $"{(int)z} is not a holiday zone (A, B or C).");
        }

        if (zone is not null && school is not null)
        {
            throw new ArgumentException($"Holiday '{name}' is a zone's or a school's, not both.", nameof(school));
        }

        Name = name.Trim();
        First = first;
        Last = last;
        Zone = zone;
        School = school;
    }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>Its first day without school.</summary>
    public DateOnly First { get; }

    /// <summary>Its last day without school.</summary>
    public DateOnly Last { get; }

    /// <summary>The zone whose holiday it is, if it is a zone's.</summary>
    public HolidayZone? Zone { get; }

    /// <summary>The one school it applies to, if it is a school's.</summary>
    public SchoolId? School { get; }

    /// <summary>Whether it includes a day.</summary>
    /// <param name="day">The day.</param>
    public bool Contains(DateOnly day) => day >= First && day <= Last;
}
