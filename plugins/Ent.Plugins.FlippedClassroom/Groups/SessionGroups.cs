using System.Collections.Immutable;
using Ent.Core.Identifiers;

namespace Ent.Plugins.FlippedClassroom.Groups;

/// <summary>What pupils' levels were read from to make groups.</summary>
public enum LevelBasis
{
    /// <summary>Their mastery of the course, from the personalised-learning plugin (on in the school, with a skill map for the course).</summary>
    Mastery,

    /// <summary>Their score on the session's readiness check (those who did not prepare count as 0).</summary>
    Readiness,
}

/// <summary>What the teacher asks of a session's groups.</summary>
/// <param name="Mode">Homogeneous or mixed.</param>
/// <param name="Size">The size of a group (2 to 10).</param>
/// <param name="Apart">Pupils to keep apart.</param>
/// <param name="Together">Pupils to keep together (a pupil with a helper).</param>
public sealed record GroupingChoice(GroupingMode Mode, int Size, ImmutableArray<PupilPair> Apart, ImmutableArray<PupilPair> Together);

/// <summary>The groups made for a session, kept with what they were made from.</summary>
/// <param name="Choice">What the teacher asked.</param>
/// <param name="Basis">What the levels were read from.</param>
/// <param name="Groups">The groups, each a list of pupils.</param>
/// <param name="Unmet">The constraints that could not be met.</param>
/// <param name="By">The teacher.</param>
/// <param name="At">When.</param>
public sealed record SessionGroups(GroupingChoice Choice, LevelBasis Basis, ImmutableArray<ImmutableArray<PersonId>> Groups, ImmutableArray<PupilPair> Unmet, PersonId By, DateTimeOffset At);
