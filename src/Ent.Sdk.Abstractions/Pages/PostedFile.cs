namespace Ent.Sdk.Pages;

/// <summary>
/// A file sent with a form (<c>enctype="multipart/form-data"</c>): a form record's parameter of this type is bound from the file
/// field of the same name, null when none was chosen. The host refuses a file above its upload limit before the page sees it.
/// </summary>
/// <param name="FileName">The file's name as the browser gave it (without any folder).</param>
/// <param name="ContentType">Its type as the browser declared it; check it, and the bytes, before trusting either.</param>
/// <param name="Content">Its bytes.</param>
public sealed record PostedFile(string FileName, string ContentType, byte[] Content)
{
    /// <summary>The file's name, without any folder the browser sent with it.</summary>
    public string FileName { get; } = (FileName ?? string.Empty)[((FileName ?? string.Empty).LastIndexOfAny(['/', '\\']) + 1)..]; // some browsers send C:\…\name

    /// <summary>Its size in bytes.</summary>
    public int Length => Content.Length;
}
