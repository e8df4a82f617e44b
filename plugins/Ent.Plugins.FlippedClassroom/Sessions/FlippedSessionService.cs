using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Plugins.FlippedClassroom.Checks;
using Ent.Plugins.FlippedClassroom.Groups;
using Ent.Plugins.FlippedClassroom.Plans;
using Ent.Plugins.FlippedClassroom.Reminders;
using Ent.Sdk.Enablement;
using Ent.Sdk.Operations;
using Ent.Storage.Documents;

namespace Ent.Plugins.FlippedClassroom.Sessions;

/// <summary>
/// Flipped sessions on the plugin's documents: each call is a unit of work on the session's course (the platform checks the actor's
/// capability there and that the plugin is on in the school); the session's timetable session is read from the timetable each time,
/// so that a moved session moves its deadlines.
/// </summary>
internal sealed class FlippedSessionService(IOperations operations, IOrganisationDirectory directory, ICourseCatalog catalog, ITimetables timetables, SessionLocator locator,
    ISchoolCalendar calendar, PreparationReminders reminders, GroupLevels levels, TimeProvider time) : IFlippedSessions
{
    /// <summary>The most time counted on a resource from one opening.</summary>
    public static readonly TimeSpan MaxSpentAtOnce = TimeSpan.FromHours(2);

    public async Task<IReadOnlyList<SessionToFlip>> TeachingAsync(Actor actor, DateOnly from, int days = 14, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 31);
        var last = from.AddDays(days - 1);
        var schools = directory.RolesOf(actor.Person).Where(r => r.Role == Role.Teacher && (r.Validity.Contains(from) || r.Validity.Contains(last)) && r.Scope.School is not null)
            .Select(r => r.Scope.School!.Value).Distinct();
        var found = new List<SessionToFlip>();
        foreach (var school in schools)
        {
            var sessions = timetables.SessionsBetween(school, from, last).Where(s => s.Teacher == actor.Person).ToList();
            if (sessions.Count == 0)
            {
                continue;
            }

            var courses = await catalog.ListAsync(actor.Department, school, cancellationToken).ConfigureAwait(false);
            foreach (var group in sessions.GroupBy(s => CourseFor(courses, s)))
            {
                if (group.Key is not { } course)
                {
                    found.AddRange(group.Select(s => new SessionToFlip(s, null, s.Subject.Name, AudienceOf(s.Audience), null, false)));
                    continue;
                }

                IReadOnlyList<FlippedSessionDocument?> flipped;
                try
                {
                    await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course.Id), FlippedCapabilities.Plan, cancellationToken).ConfigureAwait(false);
                    flipped = await work.Documents<FlippedSessionDocument>().FindManyAsync(group.ToList(), s => d => d.Session == s.Id, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is PluginDisabledException or AccessDeniedException)
                {
                    continue; // the plugin is off in that school, or the actor does not plan that course
                }

                found.AddRange(group.Select((s, i) => new SessionToFlip(s, course.Id, course.Title, AudienceOf(s.Audience), flipped[i]?.Title, flipped[i]?.Published is not null)));
            }
        }

        return [.. found.OrderBy(s => s.Session.Date).ThenBy(s => s.Session.Start)];
    }

    public async Task<FlippedSession> SaveAsync(Actor actor, SchoolId school, DateOnly date, SessionId session, FlippedSessionDraft draft, CourseId? course = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var content = SessionRules.Checked(draft);
        var taught = timetables.Find(school, date, session)
            ?? throw new ArgumentException($"School {school.Value} teaches no session {session.Value} on {date:yyyy-MM-dd}.", nameof(session));
        var owner = await CourseOfAsync(actor, taught, course, cancellationToken).ConfigureAwait(false);
        return await operations.RunAsync(actor, OperationTarget.OfCourse(owner.Id), FlippedCapabilities.Plan, async work =>
        {
            var sessions = work.Documents<FlippedSessionDocument>();
            var stored = await sessions.FindAsync(d => d.Session == session, cancellationToken).ConfigureAwait(false);
            if (stored is not null && stored.Course != owner.Id)
            {
                throw new ArgumentException($"The session of {taught.Date:yyyy-MM-dd} at {taught.Start:HH\\:mm} is already flipped for another course ({stored.Course.Value}).", nameof(course));
            }

            var document = new FlippedSessionDocument(session, school, owner.Id, taught.Slot, taught.ScheduledOn, content.Title, content.Resources, content.Check, content.HoursBefore,
                content.InClass, content.ExitTicket, content.ExitTicketDays, content.Homework, stored?.Published, stored?.RemindedAt, stored?.Groups, actor.Person, work.Now);
            sessions.Put(stored, document);
            work.Publish(new FlippedSessionPlanned(actor.Person, actor.Department, work.School, work.Now, owner.Id, session, "saved"));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return View(document, owner, taught, work.Now);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<FlippedSession?> FindAsync(Actor actor, CourseId course, SessionId session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), FlippedCapabilities.Plan, cancellationToken).ConfigureAwait(false);
        var stored = await FindAsync(work, session, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : View(stored, work.Course!, locator.Find(stored), work.Now);
    }

    public async Task<int> PublishAsync(Actor actor, CourseId course, SessionId session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (published, taught, title) = await operations.RunAsync(actor, OperationTarget.OfCourse(course), FlippedCapabilities.Plan, async work =>
        {
            var stored = await RequireAsync(work, session, cancellationToken).ConfigureAwait(false);
            if (stored.Published is not null)
            {
                return (null, null, work.Course!.Title);
            }

            var (taught, timing) = Taught(stored);
            if (!timing.TakesReadinessAnswers(work.Now))
            {
                throw new CheckClosedException($"The readiness check of '{stored.Title}' was due {Local(timing.ReadinessDue):yyyy-MM-dd HH:mm}: it is too late to publish it.");
            }

            var document = stored with { Published = work.Now };
            work.Documents<FlippedSessionDocument>().Replace(document);
            work.Publish(new FlippedSessionPlanned(actor.Person, actor.Department, work.School, work.Now, course, session, "published"));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return ((FlippedSessionDocument?)document, (Session?)taught, work.Course!.Title);
        }, cancellationToken).ConfigureAwait(false);
        if (published is null || taught is null)
        {
            return 0;
        }

        var pupils = directory.PupilsOn(taught.Audience, taught.Date).ToArray();
        await reminders.SendAsync(actor.Department, published, taught, title, pupils, ReminderKind.Published, cancellationToken).ConfigureAwait(false);
        return pupils.Length;
    }

    public Task<bool> RemoveAsync(Actor actor, CourseId course, SessionId session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return operations.RunAsync(actor, OperationTarget.OfCourse(course), FlippedCapabilities.Plan, async work =>
        {
            var stored = await FindAsync(work, session, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return false;
            }

            work.Documents<FlippedSessionDocument>().Remove(stored);
            var answers = work.Documents<AnswerSheetDocument>();
            foreach (var sheet in await answers.Where(a => a.Session == session).ListAsync(cancellationToken).ConfigureAwait(false))
            {
                answers.Remove(sheet);
            }

            var times = work.Documents<ResourceTimeDocument>();
            foreach (var time in await times.Where(t => t.Session == session).ListAsync(cancellationToken).ConfigureAwait(false))
            {
                times.Remove(time);
            }

            work.Publish(new FlippedSessionPlanned(actor.Person, actor.Department, work.School, work.Now, course, session, "removed"));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public async Task<SessionPlan> PlanAsync(Actor actor, CourseId course, SessionId session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course), FlippedCapabilities.Plan, cancellationToken).ConfigureAwait(false);
        var stored = await RequireAsync(work, session, cancellationToken).ConfigureAwait(false);
        var (sheets, times) = await work.Documents<AnswerSheetDocument>().Where(a => a.Session == session)
            .ListTogetherAsync(work.Documents<ResourceTimeDocument>().Where(t => t.Session == session), cancellationToken).ConfigureAwait(false);
        var taught = locator.Find(stored);
        var roster = Roster(stored, taught, sheets);
        var readiness = ReadinessSummary.Of(stored.Check, roster, Answers(sheets, times, CheckPart.Readiness));
        var exit = ReadinessSummary.Of(stored.ExitTicket, roster, Answers(sheets, [], CheckPart.ExitTicket));
        var questions = stored.Check.Concat(stored.ExitTicket).ToDictionary(q => q.Id);
        var shortAnswers = sheets.Where(s => roster.Contains(s.Pupil))
            .SelectMany(s => s.Answers.Where(a => questions.TryGetValue(a.Question, out var q) && q.Kind == QuestionKind.ShortText)
                .Select(a => new ShortAnswer(s.Pupil, directory.ListNameOf(s.Pupil), s.Part, questions[a.Question], a.Text ?? "", s.Marks.TryGetValue(a.Question, out var m) ? m : null)))
            .OrderBy(a => a.Mark is not null).ThenBy(a => a.Part).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .ToImmutableArray();
        var pupils = readiness.Pupils.Select(p => new NamedReadiness(p, directory.ListNameOf(p.Pupil),
                [.. shortAnswers.Where(a => a.Pupil == p.Pupil && a.Part == CheckPart.Readiness && a.Mark is null).Select(a => a.Question.Id)]))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ToImmutableArray();
        return new SessionPlan(View(stored, work.Course!, taught, work.Now), pupils, readiness, exit, shortAnswers,
            roster.Concat(stored.Groups?.Groups.SelectMany(g => g) ?? []).Distinct().ToImmutableDictionary(p => p, directory.ListNameOf));
    }

    public Task MarkAsync(Actor actor, CourseId course, SessionId session, CheckPart part, PersonId pupil, Guid question, bool right, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return operations.RunAsync(actor, OperationTarget.OfCourse(course, pupil), FlippedCapabilities.Plan, async work =>
        {
            var stored = await RequireAsync(work, session, cancellationToken).ConfigureAwait(false);
            var asked = (part == CheckPart.Readiness ? stored.Check : stored.ExitTicket).FirstOrDefault(q => q.Id == question);
            if (asked is not { Kind: QuestionKind.ShortText })
            {
                throw new ArgumentException($"Question {question} is not a short-text question of this session's {(part == CheckPart.Readiness ? "readiness check" : "exit ticket")}.", nameof(question));
            }

            var sheets = work.Documents<AnswerSheetDocument>();
            var sheet = await sheets.FindAsync(a => a.Session == session && a.Part == part && a.Pupil == pupil, cancellationToken).ConfigureAwait(false);
            if (sheet is null || sheet.Answers.All(a => a.Question != question))
            {
                throw new ArgumentException($"{directory.ListNameOf(pupil)} has not answered '{asked.Prompt}'.", nameof(pupil));
            }

            sheets.Replace(sheet with { Marks = sheet.Marks.SetItem(question, right) });
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public async Task<SessionGroups> GroupAsync(Actor actor, CourseId course, SessionId session, GroupingChoice choice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(choice);
        var plan = await PlanAsync(actor, course, session, cancellationToken).ConfigureAwait(false);
        var (basis, pupils) = await levels.OfAsync(actor, course, plan.Readiness, cancellationToken).ConfigureAwait(false);
        var request = new GroupingRequest(choice.Mode, choice.Size, choice.Apart.IsDefault ? [] : choice.Apart, choice.Together.IsDefault ? [] : choice.Together);
        foreach (var named in request.Apart.Concat(request.Together).SelectMany(p => new[] { p.First, p.Second }).Where(p => !plan.Names.ContainsKey(p)))
        {
            throw new ArgumentException($"{directory.ListNameOf(named)} ({named.Value}) is not a pupil of this session: a constraint names the session's pupils only.", nameof(choice));
        }

        var made = Grouping.Make(pupils, request);

        return await operations.RunAsync(actor, OperationTarget.OfCourse(course), FlippedCapabilities.Plan, async work =>
        {
            var stored = await RequireAsync(work, session, cancellationToken).ConfigureAwait(false);
            var groups = new SessionGroups(choice with { Apart = request.Apart, Together = request.Together }, basis, made.Groups, made.Unmet, actor.Person, work.Now);
            work.Documents<FlippedSessionDocument>().Replace(stored with { Groups = groups });
            work.Publish(new FlippedSessionPlanned(actor.Person, actor.Department, work.School, work.Now, course, session, "groups"));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return groups;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RemindAsync(Actor actor, CourseId course, SessionId session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (stored, taught, title, unprepared) = await operations.RunAsync(actor, OperationTarget.OfCourse(course), FlippedCapabilities.Plan, async work =>
        {
            var stored = await RequireAsync(work, session, cancellationToken).ConfigureAwait(false);
            if (stored.Published is null)
            {
                throw new CheckClosedException($"'{stored.Title}' is not published yet: publish it to tell its pupils what to prepare.");
            }

            var (taught, timing) = Taught(stored);
            if (!timing.TakesReadinessAnswers(work.Now))
            {
                throw new CheckClosedException($"The readiness check of '{stored.Title}' was due {Local(timing.ReadinessDue):yyyy-MM-dd HH:mm}: it is too late to remind pupils.");
            }

            var answered = (await work.Documents<AnswerSheetDocument>().Where(a => a.Session == session && a.Part == CheckPart.Readiness).ListAsync(cancellationToken).ConfigureAwait(false))
                .Select(a => a.Pupil).ToHashSet();
            var unprepared = directory.PupilsOn(taught.Audience, taught.Date).Where(p => !answered.Contains(p)).ToArray();
            var document = stored with { RemindedAt = work.Now };
            work.Documents<FlippedSessionDocument>().Replace(document);
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (document, taught, work.Course!.Title, unprepared);
        }, cancellationToken).ConfigureAwait(false);
        await reminders.SendAsync(actor.Department, stored, taught, title, unprepared, ReminderKind.Reminder, cancellationToken).ConfigureAwait(false);
        return unprepared.Length;
    }

    public async Task<WeekReadiness> WeekAsync(Actor actor, SchoolId school, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfSchool(school), FlippedCapabilities.ViewSchool, cancellationToken).ConfigureAwait(false);
        var sessions = timetables.SessionsBetween(school, monday, monday.AddDays(5));
        var flipped = await work.Documents<FlippedSessionDocument>().FindManyAsync(sessions, s => d => d.Session == s.Id, cancellationToken).ConfigureAwait(false);
        var chosen = sessions.Select((s, i) => (Taught: s, Flipped: flipped[i], Roster: flipped[i] is null ? [] : directory.PupilsOn(s.Audience, s.Date).ToArray()))
            .Where(p => p.Flipped is not null).ToArray();
        var sheets = await work.Documents<AnswerSheetDocument>().FindManyAsync(
            chosen.SelectMany(p => p.Roster.Select(pupil => (p.Taught.Id, pupil))),
            k => a => a.Session == k.Id && a.Part == CheckPart.Readiness && a.Pupil == k.pupil, cancellationToken).ConfigureAwait(false);
        var bySession = sheets.OfType<AnswerSheetDocument>().ToLookup(a => a.Session);
        var courses = (await catalog.FindManyAsync(actor.Department, [.. chosen.Select(p => p.Flipped!.Course).Distinct()], cancellationToken).ConfigureAwait(false))
            .OfType<Course>().ToDictionary(c => c.Id);
        var rows = chosen.Select(p =>
        {
            var roster = p.Roster;
            var summary = ReadinessSummary.Of(p.Flipped!.Check, roster, Answers(bySession[p.Taught.Id], [], CheckPart.Readiness));
            var scores = summary.Pupils.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToArray();
            return new SessionReadiness(p.Taught.Id, p.Taught, courses.TryGetValue(p.Flipped.Course, out var c) ? c.Title : p.Taught.Subject.Name, AudienceOf(p.Taught.Audience),
                p.Flipped.Title, roster.Length, summary.Prepared.Count(), scores.Length == 0 ? null : scores.Average(),
                summary.Questions.Count(q => q.Answered > q.ToMark && q.Suggestion == Suggestion.ExplainAgain));
        });
        return new WeekReadiness(school, monday, [.. rows]);
    }

    public async Task<IReadOnlyList<ToPrepare>> ToPrepareAsync(Actor actor, PersonId pupil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        var today = calendar.Today;
        var found = new List<ToPrepare>();
        foreach (var course in await catalog.CoursesOfAsync(directory, pupil, today, cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<FlippedSessionDocument> published;
            IReadOnlyList<AnswerSheetDocument> mine;
            try
            {
                await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course.Id, pupil), FlippedCapabilities.Prepare, cancellationToken).ConfigureAwait(false);
                published = [.. (await work.Documents<FlippedSessionDocument>().Where(d => d.Course == course.Id).ListAsync(cancellationToken).ConfigureAwait(false))
                    .Where(d => d.Published is not null && d.ScheduledOn >= today.AddDays(-SessionTiming.MaxExitTicketDays - SessionLocator.MoveWindowDays))];
                mine = [.. (await work.Documents<AnswerSheetDocument>().FindManyAsync(published, d => a => a.Session == d.Session && a.Part == CheckPart.Readiness && a.Pupil == pupil, cancellationToken)
                    .ConfigureAwait(false)).OfType<AnswerSheetDocument>()];
            }
            catch (PluginDisabledException)
            {
                continue;
            }

            foreach (var document in published)
            {
                if (locator.Find(document) is not { } taught || !directory.PupilsOn(taught.Audience, taught.Date).Contains(pupil))
                {
                    continue;
                }

                var timing = SessionTiming.Of(taught, document.HoursBefore, document.ExitTicketDays, calendar.TimeZone);
                var exitOpen = document.ExitTicket.Length > 0 && timing.TakesExitTicketAnswers(now);
                if (timing.TakesReadinessAnswers(now) || exitOpen)
                {
                    var answered = mine.FirstOrDefault(a => a.Session == document.Session)?.Answers.Length ?? 0;
                    found.Add(new ToPrepare(document.Session, course.Id, course.Title, document.Title, taught, timing.ReadinessDue, answered, document.Check.Length, exitOpen));
                }
            }
        }

        return [.. found.OrderBy(t => t.Due)];
    }

    public async Task<Preparation> PreparationAsync(Actor actor, CourseId course, SessionId session, PersonId pupil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var work = await operations.BeginAsync(actor, OperationTarget.OfCourse(course, pupil), FlippedCapabilities.Prepare, cancellationToken).ConfigureAwait(false);
        var stored = await PublishedForAsync(work, session, pupil, cancellationToken).ConfigureAwait(false);
        return await PreparationOfAsync(work, stored, pupil, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Preparation> AnswerAsync(Actor actor, CourseId course, SessionId session, PersonId pupil, CheckPart part, IReadOnlyList<Answer> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(answers);
        await operations.RunAsync(actor, OperationTarget.OfCourse(course, pupil), FlippedCapabilities.Prepare, async work =>
        {
            var stored = await PublishedForAsync(work, session, pupil, cancellationToken).ConfigureAwait(false);
            var (_, timing) = Taught(stored);
            if (part == CheckPart.Readiness && !timing.TakesReadinessAnswers(work.Now))
            {
                throw new CheckClosedException($"The readiness check of '{stored.Title}' was due {Local(timing.ReadinessDue):yyyy-MM-dd HH:mm}; it takes no more answers.");
            }

            if (part == CheckPart.ExitTicket && (stored.ExitTicket.IsEmpty || !timing.TakesExitTicketAnswers(work.Now)))
            {
                throw new CheckClosedException(stored.ExitTicket.IsEmpty
                    ? $"'{stored.Title}' has no exit ticket."
                    : $"The exit ticket of '{stored.Title}' is open from {Local(timing.Starts):yyyy-MM-dd HH:mm} to {Local(timing.ExitTicketCloses):yyyy-MM-dd HH:mm}.");
            }

            var questions = part == CheckPart.Readiness ? stored.Check : stored.ExitTicket;
            var given = SessionRules.Checked(questions, answers, part);
            var sheets = work.Documents<AnswerSheetDocument>();
            var sheet = await sheets.FindAsync(a => a.Session == session && a.Part == part && a.Pupil == pupil, cancellationToken).ConfigureAwait(false);
            // The questions answered now replace their earlier answers; the others keep theirs. A short text changed loses its mark.
            var kept = (sheet?.Answers ?? []).Where(a => given.All(g => g.Question != a.Question));
            var merged = questions.Select(q => given.FirstOrDefault(a => a.Question == q.Id) ?? kept.FirstOrDefault(a => a.Question == q.Id)).OfType<Answer>().ToImmutableArray();
            var marks = (sheet?.Marks ?? ImmutableDictionary<Guid, bool>.Empty).Where(m => merged.Any(a => a.Question == m.Key && sheet!.Answers.Contains(a))).ToImmutableDictionary();
            sheets.Put(sheet, new AnswerSheetDocument(session, part, pupil, merged, marks, work.Now));
            work.Publish(new FlippedCheckAnswered(actor.Person, actor.Department, work.School, work.Now, course, session, part, given.Length));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return await PreparationAsync(actor, course, session, pupil, cancellationToken).ConfigureAwait(false);
    }

    public Task<Resource> OpenResourceAsync(Actor actor, CourseId course, SessionId session, PersonId pupil, Guid resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return operations.RunAsync(actor, OperationTarget.OfCourse(course, pupil), FlippedCapabilities.Prepare, async work =>
        {
            var stored = await PublishedForAsync(work, session, pupil, cancellationToken).ConfigureAwait(false);
            var opened = stored.Resources.FirstOrDefault(r => r.Id == resource)
                ?? throw new ArgumentException($"Resource {resource} is not one of '{stored.Title}'.", nameof(resource));
            var times = work.Documents<ResourceTimeDocument>();
            var time = await times.FindAsync(t => t.Session == session && t.Pupil == pupil && t.Resource == resource, cancellationToken).ConfigureAwait(false);
            times.Put(time, new ResourceTimeDocument(session, pupil, resource, work.Now, time?.Spent ?? TimeSpan.Zero));
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return opened;
        }, cancellationToken);
    }

    public Task<TimeSpan> ResourceDoneAsync(Actor actor, CourseId course, SessionId session, PersonId pupil, Guid resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return operations.RunAsync(actor, OperationTarget.OfCourse(course, pupil), FlippedCapabilities.Prepare, async work =>
        {
            var stored = await PublishedForAsync(work, session, pupil, cancellationToken).ConfigureAwait(false);
            var done = stored.Resources.FirstOrDefault(r => r.Id == resource)
                ?? throw new ArgumentException($"Resource {resource} is not one of '{stored.Title}'.", nameof(resource));
            var times = work.Documents<ResourceTimeDocument>();
            var time = await times.FindAsync(t => t.Session == session && t.Pupil == pupil && t.Resource == resource, cancellationToken).ConfigureAwait(false);
            if (time is null || time.OpenedAt == DateTimeOffset.MinValue)
            {
                throw new ArgumentException($"'{done.Title}' was not opened: open it first.", nameof(resource));
            }

            var elapsed = work.Now - time.OpenedAt;
            var spent = time.Spent + (elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed > MaxSpentAtOnce ? MaxSpentAtOnce : elapsed);
            times.Replace(time with { OpenedAt = DateTimeOffset.MinValue, Spent = spent });
            await work.CommitAsync(cancellationToken).ConfigureAwait(false);
            return spent;
        }, cancellationToken);
    }

    /// <summary>A course's flipped session, or null (a session flipped for another course is none of this one's).</summary>
    private static async Task<FlippedSessionDocument?> FindAsync(IUnitOfWork work, SessionId session, CancellationToken cancellationToken)
    {
        var stored = await work.Documents<FlippedSessionDocument>().FindAsync(d => d.Session == session, cancellationToken).ConfigureAwait(false);
        return stored?.Course == work.Course!.Id ? stored : null;
    }

    private static async Task<FlippedSessionDocument> RequireAsync(IUnitOfWork work, SessionId session, CancellationToken cancellationToken) =>
        await FindAsync(work, session, cancellationToken).ConfigureAwait(false) ?? throw new UnknownReferenceException("flipped session", session.Value);

    /// <summary>A published session of one of the pupil's classes or groups on its day; anything else is not found (a pupil learns nothing of others' sessions).</summary>
    private async Task<FlippedSessionDocument> PublishedForAsync(IUnitOfWork work, SessionId session, PersonId pupil, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(work, session, cancellationToken).ConfigureAwait(false);
        if (stored?.Published is null || locator.Find(stored) is not { } taught || !directory.PupilsOn(taught.Audience, taught.Date).Contains(pupil))
        {
            throw new UnknownReferenceException("flipped session", session.Value);
        }

        return stored;
    }

    private async Task<Preparation> PreparationOfAsync(IUnitOfWork work, FlippedSessionDocument stored, PersonId pupil, CancellationToken cancellationToken)
    {
        var session = stored.Session;
        var (sheets, times) = await work.Documents<AnswerSheetDocument>().Where(a => a.Session == session && a.Part == CheckPart.Readiness && a.Pupil == pupil)
            .ListTogetherAsync(work.Documents<ResourceTimeDocument>().Where(t => t.Session == session && t.Pupil == pupil), cancellationToken).ConfigureAwait(false);
        var exitSheet = await work.Documents<AnswerSheetDocument>().FindAsync(a => a.Session == session && a.Part == CheckPart.ExitTicket && a.Pupil == pupil, cancellationToken).ConfigureAwait(false);
        var taught = locator.Find(stored);
        var timing = taught is null ? null : SessionTiming.Of(taught, stored.HoursBefore, stored.ExitTicketDays, calendar.TimeZone);
        var now = work.Now;
        var checkOpen = timing?.TakesReadinessAnswers(now) == true;
        var begun = timing is not null && now >= timing.Starts;
        var exitOpen = stored.ExitTicket.Length > 0 && timing?.TakesExitTicketAnswers(now) == true;
        var resources = stored.Resources.Select(r =>
        {
            var time = times.FirstOrDefault(t => t.Resource == r.Id);
            return new ResourceToStudy(r, time is { Spent.Ticks: > 0 } ? time.Spent : null, time is not null && time.OpenedAt != DateTimeOffset.MinValue);
        });
        var group = begun && stored.Groups?.Groups.FirstOrDefault(g => g.Contains(pupil)) is { } mine ? mine : [];
        return new Preparation(session, pupil, work.Course!.Title, stored.Title, taught, timing, timing?.PhaseAt(now), [.. resources],
            ToAnswer(stored.Check, sheets.FirstOrDefault(), closed: !checkOpen), checkOpen,
            begun ? stored.InClass : [], begun ? ToAnswer(stored.ExitTicket, exitSheet, closed: begun && !exitOpen) : [], exitOpen, begun ? stored.Homework : null, group);
    }

    private static ImmutableArray<QuestionToAnswer> ToAnswer(ImmutableArray<Question> questions, AnswerSheetDocument? sheet, bool closed) =>
    [
        .. questions.Select(q =>
        {
            var given = sheet?.Answers.FirstOrDefault(a => a.Question == q.Id);
            var result = closed && given is not null ? Scoring.Mark(q, given, sheet!.Marks.TryGetValue(q.Id, out var m) ? m : null) : (Marking?)null;
            var correction = !closed ? null : q.Kind switch
            {
                QuestionKind.Choice => q.Options[q.CorrectOption!.Value],
                QuestionKind.Numeric => q.Expected!.Value.ToString(System.Globalization.CultureInfo.CurrentCulture),
                _ => null,
            };
            return new QuestionToAnswer(q.Id, q.Kind, q.Prompt, q.Options.IsDefault ? [] : q.Options, given, result, correction);
        }),
    ];

    private FlippedSession View(FlippedSessionDocument stored, Course course, Session? taught, DateTimeOffset now)
    {
        var timing = taught is null ? null : SessionTiming.Of(taught, stored.HoursBefore, stored.ExitTicketDays, calendar.TimeZone);
        return new FlippedSession(stored.Session, stored.School, stored.Course, course.Title, AudienceOf(course.Audience), taught, timing, timing?.PhaseAt(now),
            stored.ToDraft(), stored.Published, stored.RemindedAt, stored.Groups);
    }

    private (Session Taught, SessionTiming Timing) Taught(FlippedSessionDocument stored)
    {
        var taught = locator.Find(stored) ?? throw new CheckClosedException($"The session of '{stored.Title}' ({stored.ScheduledOn:yyyy-MM-dd}) is cancelled or no longer in the timetable.");
        return (taught, SessionTiming.Of(taught, stored.HoursBefore, stored.ExitTicketDays, calendar.TimeZone));
    }

    /// <summary>The session's pupils on its day, and those who answered besides (a pupil who left the class keeps their answers in the plan).</summary>
    private ImmutableArray<PersonId> Roster(FlippedSessionDocument stored, Session? taught, IReadOnlyList<AnswerSheetDocument> sheets)
    {
        var pupils = taught is null ? [] : directory.PupilsOn(taught.Audience, taught.Date).ToList();
        pupils.AddRange(sheets.Select(s => s.Pupil).Where(p => !pupils.Contains(p)).Distinct());
        return [.. pupils];
    }

    private static IEnumerable<PupilAnswers> Answers(IEnumerable<AnswerSheetDocument> sheets, IReadOnlyList<ResourceTimeDocument> times, CheckPart part)
    {
        var spent = times.GroupBy(t => t.Pupil).ToDictionary(g => g.Key, g => g.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Spent));
        return sheets.Where(s => s.Part == part).Select(s => new PupilAnswers(s.Pupil, s.Answers, s.Marks, spent.TryGetValue(s.Pupil, out var t) && t > TimeSpan.Zero ? t : null));
    }

    private async Task<Course> CourseOfAsync(Actor actor, Session taught, CourseId? course, CancellationToken cancellationToken)
    {
        if (course is { } id)
        {
            var given = await catalog.FindAsync(actor.Department, id, cancellationToken).ConfigureAwait(false) ?? throw new UnknownReferenceException("course", id.Value);
            return given.School == taught.School && given.Audience == taught.Audience
                ? given
                : throw new ArgumentException($"Course '{given.Title}' is not taught to {AudienceOf(taught.Audience)}, the class or group of the session of {taught.Date:yyyy-MM-dd}.", nameof(course));
        }

        var courses = await catalog.ListAsync(actor.Department, taught.School, cancellationToken).ConfigureAwait(false);
        return CourseFor(courses, taught)
            ?? throw new ArgumentException($"The school has no course of {taught.Subject.Name} for {AudienceOf(taught.Audience)}: create it, or name the course.", nameof(course));
    }

    /// <summary>The course a session teaches: of its class or group and subject (the first by title when there are several).</summary>
    private static Course? CourseFor(IReadOnlyList<Course> courses, Session session) =>
        courses.Where(c => c.Audience == session.Audience && string.Equals(c.Subject.Code, session.Subject.Code, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Title, StringComparer.Ordinal).FirstOrDefault();

    private string AudienceOf(CourseAudience audience) => directory.NameOf(audience) ?? "";

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).DateTime;
}
