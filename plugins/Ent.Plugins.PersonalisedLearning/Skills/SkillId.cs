namespace Ent.Plugins.PersonalisedLearning.Skills;

/// <summary>A skill's identifier, unique in its school.</summary>
/// <param name="Value">The identifier.</param>
public readonly record struct SkillId(Guid Value)
{
    /// <summary>A new identifier.</summary>
    public static SkillId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
