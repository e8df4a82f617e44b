using Ent.Core.Identifiers;

namespace Fixture.Marks.Contracts;

/// <summary>A pupil's average in a subject, as the marks plugin publishes it.</summary>
public sealed record PupilAverage(PersonId Pupil, string Subject, decimal Value);

/// <summary>What the marks plugin offers the plugins that depend on it.</summary>
public interface IMarkBook
{
#if MARKS_2_0
    /// <summary>2.0 changed the signature: every average of a pupil, one per subject.</summary>
    IReadOnlyList<PupilAverage> AveragesOf(PersonId pupil);
#else
    /// <summary>A pupil's average in a subject, or null.</summary>
    PupilAverage? AverageOf(PersonId pupil, string subject);
#endif

#if !MARKS_1_0
    /// <summary>Added in 1.1: the scale the averages are on.</summary>
    decimal Scale { get; }
#endif
}
