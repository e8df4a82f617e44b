using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Plugins.FlippedClassroom.Plans;
using Ent.Plugins.PersonalisedLearning.Contracts;
using Microsoft.Extensions.Logging;

namespace Ent.Plugins.FlippedClassroom.Groups;

/// <summary>
/// The levels groups are made from: each pupil's mastery of the course, read through the personalised-learning plugin's published
/// contracts when it is installed, on in the school and the course has a skill map; the readiness check otherwise (a pupil who did not
/// prepare counts as 0, one whose answers are still to mark as 0.5). The optional dependency's failure only means doing without it.
/// </summary>
internal sealed partial class GroupLevels(IEnumerable<IClassMastery> masteries, ILogger<GroupLevels> logger)
{
    public async Task<(LevelBasis Basis, IReadOnlyList<PupilLevel> Pupils)> OfAsync(Actor actor, CourseId course, ReadinessSummary readiness, CancellationToken cancellationToken)
    {
        foreach (var mastery in masteries)
        {
            IReadOnlyList<PupilMasteryLevel>? levels;
            try
            {
                levels = await mastery.LevelsAsync(actor, course, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogMasteryUnavailable(logger, course.Value, e.GetType().Name, e.Message); // off in the school, the actor may not read it, or it failed: the readiness check does
                continue;
            }

            if (levels is { Count: > 0 })
            {
                var byPupil = levels.ToDictionary(l => l.Pupil, l => Math.Clamp(l.Level, 0, 1));
                return (LevelBasis.Mastery, [.. readiness.Pupils.Select(p => new PupilLevel(p.Pupil, byPupil.TryGetValue(p.Pupil, out var level) ? level : Readiness(p)))]);
            }
        }

        return (LevelBasis.Readiness, [.. readiness.Pupils.Select(p => new PupilLevel(p.Pupil, Readiness(p)))]);
    }

    private static double Readiness(PupilReadiness pupil) => pupil.Score ?? (pupil.Prepared ? 0.5 : 0);

    [LoggerMessage(Level = LogLevel.Information, Message = "Groups of course {Course} made from the readiness check: mastery could not be read ({Error}: {Reason}).")]
    private static partial void LogMasteryUnavailable(ILogger logger, Guid course, string error, string reason);
}
