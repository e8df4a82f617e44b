namespace Ent.Sdk.Views;

/// <summary>For whom a view is rendered: the school whose overrides apply and the reader's language.</summary>
/// <param name="School">The school's UAI (e.g. <c>0930001W</c>), or null for department-wide views.</param>
/// <param name="Language">The language (<c>fr</c>, <c>en</c>), or null for the department's default.</param>
public sealed record ViewScope(string? School = null, string? Language = null)
{
    /// <summary>The department's defaults: no school override, default language.</summary>
    public static ViewScope Department { get; } = new();
}
