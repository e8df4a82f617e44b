using System.Reflection;

namespace Ent.Sdk.Views;

/// <summary>The templates and strings one assembly ships under one area, as registered by a plugin or the host.</summary>
/// <param name="Area">The area: the first segment of its templates' names and the key of its strings.</param>
/// <param name="Assembly">The assembly whose embedded <c>views/…</c> and <c>strings/…</c> resources are read.</param>
/// <param name="Origin">The plugin id, or the assembly's name for the host's own.</param>
/// <param name="Host">
/// Whether these are the host's own templates (<c>AddEntHostViews</c>), trusted as its code is: rendered without the page
/// sanitiser while nothing but host templates takes part. A plugin's, or an application's added with <c>AddEntViews</c>, are not.
/// </param>
internal sealed partial record ViewPackage(string Area, Assembly Assembly, string Origin, bool Host = false)
{
    /// <summary>A package whose area is checked: lower-case letters, digits and '-', starting with a letter.</summary>
    /// <exception cref="ArgumentException">The area is not valid.</exception>
    public static ViewPackage Create(string area, Assembly assembly, string origin, bool host = false)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (string.IsNullOrEmpty(area) || !AreaShape().IsMatch(area))
        {
            throw new ArgumentException($"'{area}' is not a view area: use lower-case letters, digits and '-', starting with a letter (e.g. grading).", nameof(area));
        }

        return new ViewPackage(area, assembly, origin, host);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial System.Text.RegularExpressions.Regex AreaShape();
}
