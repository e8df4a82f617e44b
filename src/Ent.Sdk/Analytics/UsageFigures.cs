using Ent.Core.Events;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;

namespace Ent.Sdk.Analytics;

/// <summary>How many events of each usage category, and the share of them that is pedagogical.</summary>
/// <param name="Pedagogical">Teaching and learning.</param>
/// <param name="Communication">Messages and news.</param>
/// <param name="VieScolaire">Attendance and what the CPE follows.</param>
/// <param name="Administration">Running the school.</param>
public sealed record UsageFigures(long Pedagogical, long Communication, long VieScolaire, long Administration)
{
    /// <summary>No event.</summary>
    public static UsageFigures None { get; } = new(0, 0, 0, 0);

    /// <summary>Every event counted.</summary>
    public long Total => Pedagogical + Communication + VieScolaire + Administration;

    /// <summary>The pedagogical share, from 0 to 1; null without any event.</summary>
    public double? PedagogicalShare => Total == 0 ? null : (double)Pedagogical / Total;

    /// <summary>These figures with more events of a category.</summary>
    /// <param name="category">The category.</param>
    /// <param name="count">How many more.</param>
    public UsageFigures Add(UsageCategory category, long count) => category switch
    {
        UsageCategory.Pedagogical => this with { Pedagogical = Pedagogical + count },
        UsageCategory.Communication => this with { Communication = Communication + count },
        UsageCategory.VieScolaire => this with { VieScolaire = VieScolaire + count },
        _ => this with { Administration = Administration + count },
    };

    /// <summary>The figures of counts by category.</summary>
    /// <param name="counts">The counts.</param>
    public static UsageFigures Of(IReadOnlyDictionary<UsageCategory, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Aggregate(None, (figures, count) => figures.Add(count.Key, count.Value));
    }
}

/// <summary>One week's figures.</summary>
/// <param name="Monday">The week's Monday.</param>
/// <param name="Figures">Its events, counted within the report's days.</param>
public sealed record UsageWeek(DateOnly Monday, UsageFigures Figures);

/// <summary>
/// The use of the ENT over a range of days, from the stored event log: overall, by school, by the role of the person who
/// acted and by week, each with its pedagogical share (the department is judged on it: 20 % aimed at, 5 % nationally).
/// </summary>
/// <param name="First">The first day counted.</param>
/// <param name="Last">The last day counted.</param>
/// <param name="School">The school the report is about, or null for the whole department.</param>
/// <param name="Overall">Every event counted.</param>
/// <param name="BySchool">Per school (the department's own events, without a school, are in <paramref name="Overall"/> only).</param>
/// <param name="ByRole">Per role of the person who acted in that school (see <see cref="IUsageAnalytics"/>).</param>
/// <param name="ByWeek">Per week, Monday to Sunday in the department's time zone, from the week of <paramref name="First"/>.</param>
public sealed record UsageReport(
    DateOnly First, DateOnly Last, SchoolId? School, UsageFigures Overall, IReadOnlyDictionary<SchoolId, UsageFigures> BySchool,
    IReadOnlyDictionary<Role, UsageFigures> ByRole, IReadOnlyList<UsageWeek> ByWeek)
{
    /// <summary>The national average share of pedagogical use of ENTs, the reference a department compares with.</summary>
    public const double NationalAverage = 0.05;

    /// <summary>The share the seed department aims at.</summary>
    public const double Target = 0.20;
}
