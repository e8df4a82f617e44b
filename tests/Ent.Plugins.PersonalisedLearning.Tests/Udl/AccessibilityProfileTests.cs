using Ent.Core.Access;
using Ent.Plugins.PersonalisedLearning.Udl;
using Ent.TestSupport;

namespace Ent.Plugins.PersonalisedLearning.Tests.Udl;

public sealed class AccessibilityProfileTests : IAsyncLifetime
{
    private LearningHost _host = null!;

    public async Task InitializeAsync() => _host = await LearningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IUniversalDesign Design => _host.Get<IUniversalDesign>();

    private static readonly AccessibilityProfile Dyslexia = AccessibilityProfile.None with { DyslexiaFriendly = true, LargerText = true };

    [Fact]
    public async Task A_parent_sets_their_childs_profile_and_the_pupil_reads_it()
    {
        await Design.SetProfileAsync(TestWorld.As(_host.World.Parent), _host.World.Learner.Id, Dyslexia);

        Assert.Equal(Dyslexia, await Design.ProfileOfAsync(_host.Pupil, _host.World.Learner.Id));
    }

    [Fact]
    public async Task The_schools_staff_set_a_profile()
    {
        await Design.SetProfileAsync(TestWorld.As(_host.World.Staff), _host.World.Classmate.Id, AccessibilityProfile.None with { Language = "ar" });

        Assert.Equal("ar", (await Design.ProfileOfAsync(TestWorld.As(_host.World.Staff), _host.World.Classmate.Id)).Language);
    }

    [Fact]
    public async Task A_parent_does_not_set_another_pupils_profile()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Design.SetProfileAsync(TestWorld.As(_host.World.Parent), _host.World.Classmate.Id, Dyslexia));
    }

    [Fact]
    public async Task A_classmate_neither_reads_nor_sets_a_pupils_profile()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Design.ProfileOfAsync(TestWorld.As(_host.World.Classmate), _host.World.Learner.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Design.SetProfileAsync(TestWorld.As(_host.World.Classmate), _host.World.Learner.Id, Dyslexia));
    }

    [Fact]
    public async Task A_teacher_sees_what_the_class_needs_not_each_pupils_profile()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Design.ProfileOfAsync(_host.Teacher, _host.World.Learner.Id));
    }

    [Fact]
    public async Task A_language_that_is_not_a_code_is_refused_naming_it()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Design.SetProfileAsync(_host.Pupil, _host.World.Learner.Id, AccessibilityProfile.None with { Language = "ukrainien" }));

        Assert.Contains("'ukrainien'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_counts_the_pupils_who_need_an_alternative_an_activity_lacks()
    {
        await Design.SaveRepresentationAsync(_host.Teacher, _host.Fractions.Course.Id, _host.Fractions.Video.Id, new RepresentationDraft(RepresentationKind.Text, "Texte"));
        await Design.SetProfileAsync(_host.Pupil, _host.World.Learner.Id, AccessibilityProfile.None with { Language = "uk", AudioFirst = true });
        await Design.SetProfileAsync(TestWorld.As(_host.World.Staff), _host.World.Classmate.Id, AccessibilityProfile.None with { AudioFirst = true });

        var report = await Design.ReportOfAsync(_host.Teacher, _host.Fractions.Course.Id);

        var video = report.Missing.Where(m => m.Activity == _host.Fractions.Video.Id).Select(m => (m.Need, m.Pupils));
        Assert.Equal([("audio", 2), ("translation:uk", 1)], video);
        Assert.Equal(8, report.WithoutContent.Length);
    }

    [Fact]
    public async Task The_report_gathers_the_accessibility_warnings_on_the_courses_content()
    {
        await Design.SaveRepresentationAsync(_host.Teacher, _host.Fractions.Course.Id, _host.Fractions.Lesson.Id, new RepresentationDraft(RepresentationKind.Text, "# Comparer\n\n![](https://img.example.org/a.png)"));

        var warning = Assert.Single((await Design.ReportOfAsync(_host.Teacher, _host.Fractions.Course.Id)).Warnings);

        Assert.Equal((_host.Fractions.Lesson.Id, Ent.Sdk.Content.ContentWarning.ImageWithoutAlt), (warning.Activity, warning.Warning.Code));
        Assert.Equal("Leçon : comparer (Text)", warning.Where);
    }
}
