namespace Ent.Sdk.Pages;

/// <summary>An error of a posted form, shown to the person who posted it.</summary>
/// <param name="Field">The field it concerns, or null for the whole form.</param>
/// <param name="Message">What is wrong, naming the value, in the viewer's language where the page can.</param>
public sealed record FormError(string? Field, string Message);
