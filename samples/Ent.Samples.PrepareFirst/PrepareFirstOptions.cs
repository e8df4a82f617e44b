namespace Ent.Samples.PrepareFirst;

/// <summary>Settings of the prepare-first strategy.</summary>
public sealed class PrepareFirstOptions
{
    /// <summary>The scaled score (0..1) from which a readiness quiz shows the learner is ready for the session; 0.6 by default.</summary>
    public decimal ReadinessThreshold { get; set; } = 0.6m;
}
