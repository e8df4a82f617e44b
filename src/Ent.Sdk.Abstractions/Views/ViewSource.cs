namespace Ent.Sdk.Views;

/// <summary>What a template renders: an HTML page (values encoded, output sanitised) or plain text.</summary>
public enum ViewKind
{
    /// <summary>An HTML template (<c>.sbn-html</c>): every value is HTML-encoded and the page passes an allow-list sanitiser.</summary>
    Html,

    /// <summary>A text template (<c>.sbn-txt</c>): e-mails, SMS, CSV; values are written as they are.</summary>
    Text,
}

/// <summary>Who provides a template; a later layer overrides an earlier one of the same name.</summary>
public enum ViewLayer
{
    /// <summary>Shipped by a plugin or by the host application, embedded in its assembly.</summary>
    Shipped,

    /// <summary>The department's override.</summary>
    Department,

    /// <summary>One school's override.</summary>
    School,
}

/// <summary>Where one version of a template comes from.</summary>
/// <param name="Layer">Its layer.</param>
/// <param name="Origin">The plugin id or assembly that ships it, or the override file's path.</param>
/// <param name="School">The school's UAI, for a school override.</param>
public sealed record ViewSource(ViewLayer Layer, string Origin, string? School = null)
{
    /// <inheritdoc />
    public override string ToString() => Layer switch
    {
        ViewLayer.Shipped => $"shipped by {Origin}",
        ViewLayer.Department => $"department override {Origin}",
        _ => $"school {School} override {Origin}",
    };
}
