using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Plugins.PersonalisedLearning.Evidence;
using Ent.Plugins.PersonalisedLearning.Paths;
using Ent.Sdk.Content;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;

namespace Ent.Plugins.PersonalisedLearning.Udl;

/// <summary>Universal Design for Learning in courses, each operation in a unit of work of the platform.</summary>
internal sealed partial class UniversalDesignService(IOperations operations, IOrganisationDirectory directory, IMarkdownRenderer markdown, TimeProvider time, Core.Calendar.ISchoolCalendar calendar) : IUniversalDesign
{
    /// <summary>The means an activity accepts until its teacher says otherwise.</summary>
    private static readonly ImmutableArray<ExpressionMeans> DefaultMeans = [ExpressionMeans.Written, ExpressionMeans.Audio, ExpressionMeans.Photo, ExpressionMeans.Drawing];

    private static readonly ImmutableArray<string> ImageTypes = ["image/png", "image/jpeg", "image/webp"];

    public async Task<ContentView> ContentOfAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, Guid? representation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course, pupil), LearningCapabilities.ReadPath, cancellationToken).ConfigureAwait(false);
        var title = TitleOf(work, activity);
        var content = await work.Documents<ContentDocument>().FindAsync(c => c.Course == course && c.Activity == activity, cancellationToken).ConfigureAwait(false);
        var profile = (await work.Documents<ProfileDocument>().FindAsync(p => p.Pupil == pupil, cancellationToken).ConfigureAwait(false))?.Profile ?? AccessibilityProfile.None;
        var submissions = await work.Documents<SubmissionDocument>().Where(s => s.Course == course && s.Activity == activity && s.Pupil == pupil).ListAsync(cancellationToken).ConfigureAwait(false);
        var ordered = RepresentationChoice.Order(profile, content?.Representations ?? []);
        var shown = representation is { } picked ? ordered.FirstOrDefault(r => r.Id == picked) ?? throw new ArgumentException($"Representation {picked} is not one of activity '{title}'.", nameof(representation)) : ordered.FirstOrDefault();
        var html = shown?.Text is { } text ? markdown.Render(text).Html : null;
        return new ContentView(activity, title, shown, html, [.. ordered.Where(r => r != shown).Select(r => new RepresentationSummary(r.Id, r.Kind, r.Language))], profile,
            content?.Means ?? DefaultMeans, [.. submissions.OrderByDescending(s => s.At).Select(s => View(s, withData: false))]);
    }

    public async Task<ActivityContent> ContentToEditAsync(Actor actor, CourseId course, ActivityId activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, cancellationToken).ConfigureAwait(false);
        var title = TitleOf(work, activity);
        var content = await work.Documents<ContentDocument>().FindAsync(c => c.Course == course && c.Activity == activity, cancellationToken).ConfigureAwait(false);
        return new ActivityContent(activity, title, content?.Representations ?? [], content?.Means ?? DefaultMeans);
    }

    public Task<Representation> SaveRepresentationAsync(Actor actor, CourseId course, ActivityId activity, RepresentationDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        Check(draft);
        return operations.RunAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, async work =>
        {
            TitleOf(work, activity);
            var contents = work.Documents<ContentDocument>();
            var stored = await contents.FindAsync(c => c.Course == course && c.Activity == activity, cancellationToken).ConfigureAwait(false);
            var language = draft.Kind == RepresentationKind.Translation ? draft.Language!.Trim().ToLowerInvariant() : null;
            var earlier = stored?.Representations.FirstOrDefault(r => r.Kind == draft.Kind && r.Language == language);
            var representation = new Representation(earlier?.Id ?? Guid.CreateVersion7(), draft.Kind, language, Blank(draft.Text), Blank(draft.Url), draft.Data is { Length: > 0 } ? draft.Data : null,
                draft.Data is { Length: > 0 } ? draft.ContentType : null, Blank(draft.Captions));
            var representations = (stored?.Representations ?? []).Where(r => r != earlier).Append(representation).OrderBy(r => r.Kind).ThenBy(r => r.Language, StringComparer.Ordinal).ToImmutableArray();
            contents.Put(stored, new ContentDocument(course, activity, representations, stored?.Means ?? DefaultMeans));
            work.Publish(new LearningPathDesigned(actor.Person, actor.Department, work.School, work.Now, course, "content"));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return representation;
        }, cancellationToken);
    }

    public Task<bool> RemoveRepresentationAsync(Actor actor, CourseId course, ActivityId activity, Guid representation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return operations.RunAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, async work =>
        {
            var contents = work.Documents<ContentDocument>();
            var stored = await contents.FindAsync(c => c.Course == course && c.Activity == activity, cancellationToken).ConfigureAwait(false);
            if (stored is null || stored.Representations.All(r => r.Id != representation))
            {
                return false;
            }

            contents.Replace(stored with { Representations = stored.Representations.RemoveAll(r => r.Id == representation) });
            work.Publish(new LearningPathDesigned(actor.Person, actor.Department, work.School, work.Now, course, "content"));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task SetMeansAsync(Actor actor, CourseId course, ActivityId activity, IReadOnlyCollection<ExpressionMeans> means, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(means);
        if (means.Count == 0 || means.Any(m => !Enum.IsDefined(m)))
        {
            throw new ArgumentException($"An activity accepts at least one means of expression among {string.Join(", ", Enum.GetNames<ExpressionMeans>())}; '{string.Join(", ", means)}' is not that.", nameof(means));
        }

        return operations.RunAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, async work =>
        {
            TitleOf(work, activity);
            var contents = work.Documents<ContentDocument>();
            var stored = await contents.FindAsync(c => c.Course == course && c.Activity == activity, cancellationToken).ConfigureAwait(false);
            contents.Put(stored, new ContentDocument(course, activity, stored?.Representations ?? [], [.. means.Distinct().Order()]));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public async Task<AccessibilityReport> ReportOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.Design, cancellationToken).ConfigureAwait(false);
        var contents = (await work.Documents<ContentDocument>().Where(c => c.Course == course).ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Activity);
        var pupils = directory.PupilsOn(work.Course!.Audience, work.Today).ToArray();
        var profiles = (await work.Documents<ProfileDocument>().FindManyAsync(pupils, p => d => d.Pupil == p, cancellationToken).ConfigureAwait(false))
            .Where(p => p is not null).Select(p => p!.Profile).ToArray();
        var missing = new List<MissingAlternative>();
        var warnings = new List<ContentWarningAt>();
        var without = new List<ActivityId>();
        foreach (var sequence in work.Course!.Sequences)
        {
            if (sequence.Content is { } text)
            {
                warnings.AddRange(markdown.Render(text).Warnings.Select(w => new ContentWarningAt(null, sequence.Title, w)));
            }
        }

        foreach (var activity in work.Course.Activities)
        {
            var representations = contents.TryGetValue(activity.Id, out var content) ? content.Representations : [];
            if (representations.IsEmpty)
            {
                without.Add(activity.Id);
            }

            missing.AddRange(profiles.SelectMany(p => RepresentationChoice.Missing(p, representations)).GroupBy(need => need, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new MissingAlternative(activity.Id, activity.Title, g.Key, g.Count())));
            foreach (var representation in representations.Where(r => r.Text is not null))
            {
                warnings.AddRange(markdown.Render(representation.Text!).Warnings.Select(w => new ContentWarningAt(activity.Id, $"{activity.Title} ({representation.Kind})", w)));
            }
        }

        return new AccessibilityReport(course, work.Course.Title, [.. missing], [.. without], [.. warnings]);
    }

    public async Task<AccessibilityProfile> ProfileOfAsync(Actor actor, PersonId pupil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, TargetOf(pupil), LearningCapabilities.SetProfile, cancellationToken).ConfigureAwait(false);
        return (await work.Documents<ProfileDocument>().FindAsync(p => p.Pupil == pupil, cancellationToken).ConfigureAwait(false))?.Profile ?? AccessibilityProfile.None;
    }

    public Task SetProfileAsync(Actor actor, PersonId pupil, AccessibilityProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(profile);
        var language = Blank(profile.Language)?.ToLowerInvariant();
        if (language is not null && !LanguageCode().IsMatch(language))
        {
            throw new ArgumentException($"A pupil's language is a language code such as 'ar', 'uk' or 'pt-br'; '{profile.Language}' is not one.", nameof(profile));
        }

        return operations.RunAsync(actor, TargetOf(pupil), LearningCapabilities.SetProfile, async work =>
        {
            var profiles = work.Documents<ProfileDocument>();
            var stored = await profiles.FindAsync(p => p.Pupil == pupil, cancellationToken).ConfigureAwait(false);
            var document = new ProfileDocument(pupil, profile with { Language = language }, actor.Person, work.Now);
            profiles.Put(stored, document);

            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public async Task<SubmissionView> SubmitAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, SubmissionDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course, pupil), LearningCapabilities.WorkPath, cancellationToken).ConfigureAwait(false);
        var title = TitleOf(work, activity);
        var content = await work.Documents<ContentDocument>().FindAsync(c => c.Course == course && c.Activity == activity, cancellationToken).ConfigureAwait(false);
        var means = content?.Means ?? DefaultMeans;
        if (!means.Contains(draft.Means))
        {
            throw new ArgumentException($"Activity '{title}' accepts {string.Join(", ", means)}, not {draft.Means}.", nameof(draft));
        }

        Check(draft);
        var design = await CourseDesign.LoadAsync(work, cancellationToken).ConfigureAwait(false);
        if (design.Plan.IndexOf(activity) is var position and >= 0
            && PathEngine.WhyLocked(design.Plan, design.StateOf(await design.RecordsOfAsync(work, pupil, cancellationToken).ConfigureAwait(false)), position) is { Length: > 0 } conditions)
        {
            throw new ActivityLockedException(PathText.Locked(design.Plan, position, conditions));
        }

        var submission = new SubmissionDocument(course, activity, pupil, Guid.CreateVersion7(), draft.Means, Blank(draft.Text), draft.Data is { Length: > 0 } ? draft.Data : null,
            draft.Data is { Length: > 0 } ? draft.ContentType : null, work.Now, null, null);
        work.Documents<SubmissionDocument>().Add(submission);
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        return View(submission, withData: false);
    }

    public async Task<IReadOnlyList<SubmissionView>> SubmissionsOfAsync(Actor actor, CourseId course, ActivityId activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), LearningCapabilities.ViewClass, cancellationToken).ConfigureAwait(false);
        TitleOf(work, activity);
        var stored = await work.Documents<SubmissionDocument>().Where(s => s.Course == course && s.Activity == activity).ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. stored.OrderByDescending(s => s.At).Select(s => View(s, withData: false))];
    }

    public async Task<SubmissionView?> SubmissionAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, Guid submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course, pupil), LearningCapabilities.ReadPath, cancellationToken).ConfigureAwait(false);
        var stored = await work.Documents<SubmissionDocument>().FindAsync(s => s.Course == course && s.Activity == activity && s.Pupil == pupil && s.Id == submission, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : View(stored, withData: true);
    }

    public Task<SubmissionView> EvaluateAsync(Actor actor, CourseId course, ActivityId activity, PersonId pupil, Guid submission, double score, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!(score >= 0 && score <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"An evaluation is scaled from 0 to 1; {score} is not.");
        }

        if (comment is { Length: > PathDecision.MaxReasonLength })
        {
            throw new ArgumentException($"A comment has at most {PathDecision.MaxReasonLength} characters; this one has {comment.Length}.", nameof(comment));
        }

        return operations.RunAsync(actor, OperationTarget.OfCourse(course, pupil), LearningCapabilities.Design, async work =>
        {
            var design = await CourseDesign.LoadAsync(work, cancellationToken).ConfigureAwait(false);
            if (design.Plan.IndexOf(activity) < 0)
            {
                throw new ArgumentException($"Activity '{TitleOf(work, activity)}' is not linked to any skill in the plan of course '{work.Course!.Title}': link it before evaluating work on it.", nameof(activity));
            }

            var submissions = work.Documents<SubmissionDocument>();
            var stored = await submissions.FindAsync(s => s.Course == course && s.Activity == activity && s.Pupil == pupil && s.Id == submission, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"Submission {submission} is not this pupil's work on activity '{TitleOf(work, activity)}'.", nameof(submission));
            var evaluated = stored with { Score = score, Comment = Blank(comment) };
            submissions.Replace(evaluated);
            // The same evidence whatever the means: the activity's score, under the submission's key.
            var key = $"submission:{submission}";
            await EvidenceLog.KeepAsync(work, course, pupil, key, new EvidenceDocument(course, pupil, key, EvidenceSource.Activity, activity, null, null, score, stored.At, actor.Person), cancellationToken)
                .ConfigureAwait(false);
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return View(evaluated, withData: false);
        }, cancellationToken);
    }

    /// <summary>An operation on a pupil's profile targets their class today, else the latest they were in.</summary>
    private OperationTarget TargetOf(PersonId pupil)
    {
        var today = Core.Calendar.SchoolTime.Today(time, calendar.TimeZone);
        var @class = directory.ClassOn(pupil, today)
            ?? directory.EnrolmentsOf(pupil).Where(e => e.Class is not null).OrderByDescending(e => e.Validity.Begin).Select(e => e.Class).FirstOrDefault()
            ?? throw new ArgumentException($"Person {pupil.Value} is not a pupil enrolled in a class: an accessibility profile is a pupil's.", nameof(pupil));
        return OperationTarget.OfClass(@class, pupil);
    }

    private SubmissionView View(SubmissionDocument s, bool withData) =>
        new(s.Id, s.Pupil, PathViews.NameOf(directory, s.Pupil), s.Means, s.Text, s.ContentType, withData ? s.Data : null, s.At, s.Score, s.Comment);

    private static string TitleOf(IUnitOfWork work, ActivityId activity) =>
        work.Course!.Activities.FirstOrDefault(a => a.Id == activity)?.Title ?? throw new ArgumentException($"Activity {activity.Value} is not an activity of course '{work.Course.Title}'.", nameof(activity));

    private static void Check(RepresentationDraft draft)
    {
        var kind = draft.Kind;
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException($"'{kind}' is not a kind of representation.", nameof(draft));
        }

        if (draft.Text is { Length: > Representation.MaxTextLength })
        {
            throw new ArgumentException($"A representation's text has at most {Representation.MaxTextLength} characters; this one has {draft.Text.Length}.", nameof(draft));
        }

        if (kind is RepresentationKind.Text or RepresentationKind.Simplified or RepresentationKind.Translation or RepresentationKind.Printable && Blank(draft.Text) is null)
        {
            throw new ArgumentException($"A representation of kind {kind} needs its text.", nameof(draft));
        }

        if (kind == RepresentationKind.Translation && (Blank(draft.Language) is not { } language || !LanguageCode().IsMatch(language.ToLowerInvariant())))
        {
            throw new ArgumentException($"A translation names its language with a code such as 'ar', 'uk' or 'pt-br'; '{draft.Language}' is not one.", nameof(draft));
        }

        if (kind is RepresentationKind.Audio or RepresentationKind.Video)
        {
            var types = kind == RepresentationKind.Audio ? Representation.AudioTypes : Representation.VideoTypes;
            var hasFile = draft.Data is { Length: > 0 };
            if (hasFile == (Blank(draft.Url) is not null))
            {
                throw new ArgumentException($"A representation of kind {kind} is a file or an https link, one of them.", nameof(draft));
            }

            if (hasFile)
            {
                CheckFile(draft.Data!, draft.ContentType, types, $"A representation of kind {kind}");
            }
            else if (!Uri.TryCreate(draft.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                throw new ArgumentException($"A link to a {kind} is an https address; '{draft.Url}' is not one.", nameof(draft));
            }

            if (kind == RepresentationKind.Video && (Blank(draft.Captions) is not { } captions || !captions.StartsWith("WEBVTT", StringComparison.Ordinal)))
            {
                throw new ArgumentException("A video comes with its captions, in WebVTT (a text starting with 'WEBVTT'): pupils who cannot hear it read them.", nameof(draft));
            }
        }
    }

    private static void Check(SubmissionDraft draft)
    {
        if (draft.Text is { Length: > Representation.MaxTextLength })
        {
            throw new ArgumentException($"A written answer has at most {Representation.MaxTextLength} characters; this one has {draft.Text.Length}.", nameof(draft));
        }

        switch (draft.Means)
        {
            case ExpressionMeans.Written when Blank(draft.Text) is null:
                throw new ArgumentException("A written answer needs its text.", nameof(draft));
            case ExpressionMeans.Audio:
                CheckFile(draft.Data, draft.ContentType, Representation.AudioTypes, "An audio recording");
                break;
            case ExpressionMeans.Photo or ExpressionMeans.Drawing:
                CheckFile(draft.Data, draft.ContentType, ImageTypes, $"A {draft.Means.ToString().ToLowerInvariant()}");
                break;
        }
    }

    private static void CheckFile(byte[]? data, string? contentType, ImmutableArray<string> types, string what)
    {
        if (data is not { Length: > 0 })
        {
            throw new ArgumentException($"{what} needs its file.", nameof(data));
        }

        if (data.Length > Representation.MaxDataLength)
        {
            throw new ArgumentException($"{what} is at most {Representation.MaxDataLength / 1024} KiB; this file has {data.Length / 1024} KiB.", nameof(data));
        }

        if (contentType is null || !types.Contains(contentType))
        {
            throw new ArgumentException($"{what} is a file of type {string.Join(", ", types)}; '{contentType}' is not one.", nameof(contentType));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();
}
