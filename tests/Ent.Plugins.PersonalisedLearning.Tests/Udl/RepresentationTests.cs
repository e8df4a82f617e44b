using Ent.Core.Access;
using Ent.Plugins.PersonalisedLearning.Udl;
using Ent.TestSupport;

namespace Ent.Plugins.PersonalisedLearning.Tests.Udl;

public sealed class RepresentationTests : IAsyncLifetime
{
    private LearningHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LearningHost.StartAsync();
        var video = _host.Fractions.Video.Id;
        await Design.SaveRepresentationAsync(_host.Teacher, Course, video, new RepresentationDraft(RepresentationKind.Text, "Deux fractions sont **égales** quand…"));
        await Design.SaveRepresentationAsync(_host.Teacher, Course, video, new RepresentationDraft(RepresentationKind.Simplified, "Deux fractions peuvent dire la même chose."));
        await Design.SaveRepresentationAsync(_host.Teacher, Course, video, new RepresentationDraft(RepresentationKind.Translation, "Два дроби рівні, коли…", Language: "uk"));
        await Design.SaveRepresentationAsync(_host.Teacher, Course, video, new RepresentationDraft(RepresentationKind.Audio, "Transcription", Data: [1, 2, 3], ContentType: "audio/mpeg"));
        await Design.SaveRepresentationAsync(_host.Teacher, Course, video, new RepresentationDraft(RepresentationKind.Video, Url: "https://videos.example.org/fractions.mp4", Captions: "WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IUniversalDesign Design => _host.Get<IUniversalDesign>();

    private Ent.Core.Identifiers.CourseId Course => _host.Fractions.Course.Id;

    private async Task<ContentView> ContentForLinaAsync(AccessibilityProfile profile)
    {
        await Design.SetProfileAsync(_host.Pupil, _host.World.Learner.Id, profile);
        return await Design.ContentOfAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id);
    }

    [Fact]
    public async Task Without_a_profile_the_text_is_shown_and_the_others_offered()
    {
        var content = await Design.ContentOfAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id);

        Assert.Equal(RepresentationKind.Text, content.Shown!.Kind);
        Assert.Equal("<p>Deux fractions sont <strong>égales</strong> quand…</p>", content.Html!.Trim());
        Assert.Equal(4, content.Others.Length);
    }

    [Fact]
    public async Task An_allophone_pupils_language_selects_the_translation()
    {
        var content = await ContentForLinaAsync(AccessibilityProfile.None with { Language = "UK" });

        Assert.Equal((RepresentationKind.Translation, "uk"), (content.Shown!.Kind, content.Shown.Language));
    }

    [Fact]
    public async Task Audio_first_selects_the_recording()
    {
        Assert.Equal(RepresentationKind.Audio, (await ContentForLinaAsync(AccessibilityProfile.None with { AudioFirst = true })).Shown!.Kind);
    }

    [Fact]
    public async Task Simplified_text_first_selects_the_FALC_version()
    {
        Assert.Equal(RepresentationKind.Simplified, (await ContentForLinaAsync(AccessibilityProfile.None with { SimplifiedText = true })).Shown!.Kind);
    }

    [Fact]
    public async Task The_pupil_can_switch_to_another_representation()
    {
        var video = (await Design.ContentOfAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id)).Others.Single(o => o.Kind == RepresentationKind.Video);

        var content = await Design.ContentOfAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id, video.Id);

        Assert.Equal("https://videos.example.org/fractions.mp4", content.Shown!.Url);
        Assert.StartsWith("WEBVTT", content.Shown.Captions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_representation_of_the_same_kind_replaces_the_first()
    {
        await Design.SaveRepresentationAsync(_host.Teacher, Course, _host.Fractions.Video.Id, new RepresentationDraft(RepresentationKind.Text, "Nouvelle version"));

        var content = await Design.ContentOfAsync(_host.Pupil, Course, _host.Fractions.Video.Id, _host.World.Learner.Id);

        Assert.Contains("Nouvelle version", content.Html, StringComparison.Ordinal);
        Assert.Equal(4, content.Others.Length);
    }

    [Theory]
    [InlineData(RepresentationKind.Video, null, "https://videos.example.org/v.mp4", null, "captions")]
    [InlineData(RepresentationKind.Audio, null, "http://audio.example.org/a.mp3", null, "https address")]
    [InlineData(RepresentationKind.Translation, "Texte", null, null, "language")]
    [InlineData(RepresentationKind.Simplified, " ", null, null, "needs its text")]
    public async Task A_malformed_representation_is_refused_naming_what_is_wrong(RepresentationKind kind, string? text, string? url, string? language, string named)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Design.SaveRepresentationAsync(_host.Teacher, Course, _host.Fractions.Lesson.Id, new RepresentationDraft(kind, text, language, url)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_too_large_or_of_another_type_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Design.SaveRepresentationAsync(_host.Teacher, Course, _host.Fractions.Lesson.Id,
            new RepresentationDraft(RepresentationKind.Audio, Data: new byte[Representation.MaxDataLength + 1], ContentType: "audio/mpeg")));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Design.SaveRepresentationAsync(_host.Teacher, Course, _host.Fractions.Lesson.Id,
            new RepresentationDraft(RepresentationKind.Audio, Data: [1], ContentType: "application/x-msdownload")));
        Assert.Contains("'application/x-msdownload'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pupil_does_not_edit_content()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Design.SaveRepresentationAsync(_host.Pupil, Course, _host.Fractions.Video.Id, new RepresentationDraft(RepresentationKind.Text, "x")));
    }

    [Fact]
    public async Task A_classmate_does_not_read_another_pupils_content_view()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Design.ContentOfAsync(TestWorld.As(_host.World.Classmate), Course, _host.Fractions.Video.Id, _host.World.Learner.Id));
    }
}
