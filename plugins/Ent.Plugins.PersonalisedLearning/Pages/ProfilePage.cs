using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Udl;
using Ent.Sdk.Pages;

namespace Ent.Plugins.PersonalisedLearning.Pages;

/// <summary>A pupil's route.</summary>
/// <param name="Pupil">The pupil.</param>
internal sealed record PupilRoute(PersonId Pupil);

/// <summary>The profile as posted: checkboxes (absent when unticked) and a language code.</summary>
/// <param name="Dyslexia">A display for dyslexia.</param>
/// <param name="Larger">Larger text.</param>
/// <param name="AudioFirst">Audio first.</param>
/// <param name="Simplified">Simplified text first.</param>
/// <param name="Language">The pupil's language, or empty.</param>
internal sealed record ProfileForm(bool? Dyslexia, bool? Larger, bool? AudioFirst, bool? Simplified, string? Language);

/// <summary>A pupil's accessibility profile, set by the pupil, a parent or the school's staff: how their content is shown to them.</summary>
internal sealed class ProfilePage(IUniversalDesign design, LearningText text) : EntPage<PupilRoute, ProfileForm>
{
    public static string Link(PersonId pupil) => $"learning/profile/{pupil.Value}";

    public override async Task<PageResult> GetAsync(PageContext context, PupilRoute route, CancellationToken cancellationToken)
    {
        var profile = await design.ProfileOfAsync(context.Actor, route.Pupil, cancellationToken).ConfigureAwait(false);
        var model = new
        {
            Pupil = text.Name(route.Pupil),
            Dyslexia = profile.DyslexiaFriendly,
            Larger = profile.LargerText,
            profile.AudioFirst,
            Simplified = profile.SimplifiedText,
            Language = context.Posted.GetValueOrDefault("language", profile.Language ?? string.Empty),
            Saved = context.Query.ContainsKey("saved"),
            Errors = context.Errors.Select(e => e.Message).ToArray(),
        };
        return PageResult.View("learning/pages/profile", model, text.T(context.Language, "pages.profile.title", model.Pupil));
    }

    public override async Task<PageResult> PostAsync(PageContext context, PupilRoute route, ProfileForm form, CancellationToken cancellationToken)
    {
        var profile = new AccessibilityProfile(form.Dyslexia == true, form.Larger == true, form.AudioFirst == true, form.Simplified == true, form.Language);
        await design.SetProfileAsync(context.Actor, route.Pupil, profile, cancellationToken).ConfigureAwait(false);
        return PageResult.Redirect(Link(route.Pupil) + "?saved=1");
    }
}
