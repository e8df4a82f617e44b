using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Contracts;

namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>The plugin's published read of pupils' mastery: each pupil's mean mastery of the course's skills, from the class's map.</summary>
internal sealed class ClassMasteryLevels(PathService paths) : IClassMastery
{
    public async Task<IReadOnlyList<PupilMasteryLevel>?> LevelsAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default)
    {
        var map = await paths.ClassOfAsync(actor, course, cancellationToken).ConfigureAwait(false);
        return map.Skills.IsEmpty
            ? null
            : [.. map.Pupils.Select(p => new PupilMasteryLevel(p.Pupil, p.Mastery.Average(), p.Answers.Sum()))];
    }
}
