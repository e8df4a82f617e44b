namespace Ent.Samples.DepartmentHost.Generation;

/// <summary>How large a demonstration department the host seeds.</summary>
internal enum DemoScale
{
    /// <summary>The configured schools and one demonstration class (the default).</summary>
    Small,

    /// <summary>A department at real size: 125 collèges in staggered rollout waves, 75,000 pupils, their families, teachers and courses, a term of use.</summary>
    Department,
}
