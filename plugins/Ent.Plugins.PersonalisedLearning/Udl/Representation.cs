using System.Collections.Immutable;

namespace Ent.Plugins.PersonalisedLearning.Udl;

/// <summary>A form a content item reaches pupils in (UDL's representation principle: perception, language and symbols).</summary>
public enum RepresentationKind
{
    /// <summary>The text, in Markdown.</summary>
    Text,

    /// <summary>Simplified text, in Markdown: facile à lire et à comprendre (FALC).</summary>
    Simplified,

    /// <summary>An audio recording (a file or a link), with its transcript if any.</summary>
    Audio,

    /// <summary>A video (a file or a link) with its captions (WebVTT).</summary>
    Video,

    /// <summary>The text translated into a language, in Markdown (for an allophone pupil).</summary>
    Translation,

    /// <summary>A version to print, in Markdown, shown on a page laid out for paper.</summary>
    Printable,
}

/// <summary>A means a pupil expresses what they learned by (UDL's action and expression principle): the teacher's evaluation is the same whichever.</summary>
public enum ExpressionMeans
{
    /// <summary>A written answer.</summary>
    Written,

    /// <summary>An audio recording.</summary>
    Audio,

    /// <summary>A photo (of a sheet, a model, an experiment).</summary>
    Photo,

    /// <summary>A drawing (an image).</summary>
    Drawing,
}

/// <summary>One representation of a content item, as kept.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Language">Its language (<c>fr</c>, <c>ar</c>, <c>uk</c>…), for a translation; null otherwise.</param>
/// <param name="Text">Its Markdown (the text of a text kind, the transcript of an audio, a video's description), or null.</param>
/// <param name="Url">Where an audio or a video is (https), when it is not a file kept here.</param>
/// <param name="Data">An audio or video file kept here, when it has no link.</param>
/// <param name="ContentType">The file's type (<c>audio/mpeg</c>, <c>video/mp4</c>…), with <paramref name="Data"/>.</param>
/// <param name="Captions">A video's captions, in WebVTT.</param>
public sealed record Representation(Guid Id, RepresentationKind Kind, string? Language, string? Text, string? Url, byte[]? Data, string? ContentType, string? Captions)
{
    /// <summary>The longest text, in characters.</summary>
    public const int MaxTextLength = 100_000;

    /// <summary>The largest file kept, in bytes (1 MiB: a short recording; longer ones are linked).</summary>
    public const int MaxDataLength = 1 << 20;

    /// <summary>The types of audio files kept.</summary>
    public static ImmutableArray<string> AudioTypes { get; } = ["audio/mpeg", "audio/ogg", "audio/webm", "audio/wav", "audio/mp4"];

    /// <summary>The types of video files kept.</summary>
    public static ImmutableArray<string> VideoTypes { get; } = ["video/mp4", "video/webm"];
}

/// <summary>A representation as a teacher gives it: it replaces the one of the same kind (and language) if there is one.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Text">Its Markdown, for a text kind (required), an audio's transcript or a video's description.</param>
/// <param name="Language">For a translation: its language code.</param>
/// <param name="Url">For an audio or a video: its https link, unless a file is given.</param>
/// <param name="Data">For an audio or a video: its file, unless a link is given.</param>
/// <param name="ContentType">The file's type.</param>
/// <param name="Captions">For a video: its captions in WebVTT (required).</param>
public sealed record RepresentationDraft(RepresentationKind Kind, string? Text = null, string? Language = null, string? Url = null, byte[]? Data = null, string? ContentType = null, string? Captions = null);
