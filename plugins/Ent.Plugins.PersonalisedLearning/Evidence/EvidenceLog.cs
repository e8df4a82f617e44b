using Ent.Core.Identifiers;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;

namespace Ent.Plugins.PersonalisedLearning.Evidence;

/// <summary>Writes evidence under its key, so that recording it again changes nothing and a corrected score replaces the first.</summary>
internal static class EvidenceLog
{
    /// <summary>
    /// Keeps a piece of evidence under its key in a unit of work: added, replaced when its score changed (where the first one was in the
    /// pupil's sequence), removed when it is null; an event is published when it was added or replaced.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public static async Task<bool> KeepAsync(IUnitOfWork work, CourseId course, PersonId pupil, string key, EvidenceDocument? piece, CancellationToken cancellationToken)
    {
        var evidence = work.Documents<EvidenceDocument>();
        var stored = await evidence.FindAsync(e => e.Course == course && e.Pupil == pupil && e.Key == key, cancellationToken).ConfigureAwait(false);
        if (piece is null)
        {
            if (stored is not null)
            {
                evidence.Remove(stored);
            }

            return stored is not null;
        }

        if (stored?.Score == piece.Score)
        {
            return false;
        }

        evidence.Put(stored, stored is null ? piece : piece with { At = stored.At });

        work.Publish(new LearningEvidenceRecorded(work.Actor.Person, work.Actor.Department, work.School, work.Now, course, pupil, piece.Source, piece.Score));
        return true;
    }
}
