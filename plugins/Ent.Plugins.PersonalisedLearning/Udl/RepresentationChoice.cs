namespace Ent.Plugins.PersonalisedLearning.Udl;

/// <summary>
/// Which representation a pupil's profile selects: a translation into their language, else the audio when audio comes first, else
/// the simplified text when they read it first, else the text, else the video, the audio, the printable version, in that order.
/// </summary>
internal static class RepresentationChoice
{
    public static IReadOnlyList<Representation> Order(AccessibilityProfile profile, IReadOnlyList<Representation> representations)
    {
        int Rank(Representation r) => r.Kind switch
        {
            RepresentationKind.Translation when profile.Language is { } language && string.Equals(r.Language, language, StringComparison.OrdinalIgnoreCase) => 0,
            RepresentationKind.Audio when profile.AudioFirst => 1,
            RepresentationKind.Simplified when profile.SimplifiedText => 2,
            RepresentationKind.Text => 3,
            RepresentationKind.Simplified => 4,
            RepresentationKind.Video => 5,
            RepresentationKind.Audio => 6,
            RepresentationKind.Translation => 7,
            _ => 8,
        };

        return [.. representations.Select((r, i) => (r, i)).OrderBy(p => Rank(p.r)).ThenBy(p => p.i).Select(p => p.r)];
    }

    /// <summary>What a pupil's profile needs that an activity's content lacks, as short codes: <c>translation:uk</c>, <c>audio</c>, <c>simplified</c>.</summary>
    public static IEnumerable<string> Missing(AccessibilityProfile profile, IReadOnlyList<Representation> representations)
    {
        if (profile.Language is { } language && !representations.Any(r => r.Kind == RepresentationKind.Translation && string.Equals(r.Language, language, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"translation:{language.ToLowerInvariant()}";
        }

        if (profile.AudioFirst && !representations.Any(r => r.Kind == RepresentationKind.Audio))
        {
            yield return "audio";
        }

        if (profile.SimplifiedText && !representations.Any(r => r.Kind == RepresentationKind.Simplified))
        {
            yield return "simplified";
        }
    }
}
