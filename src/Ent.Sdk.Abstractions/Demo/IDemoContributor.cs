using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Organisation;

namespace Ent.Sdk.Demo;

/// <summary>
/// Content a plugin adds to a host's demonstration school, for trials and training: the host seeds a school,
/// a class, its people and a course, then asks every plugin that is on in that school for its own data and
/// documents (a sample report card, a letter). Contributions run at each start: they add their data once
/// (finding it the next time) and produce their documents again.
/// </summary>
public interface IDemoContributor
{
    /// <summary>Adds the plugin's demonstration data and returns what to show.</summary>
    /// <param name="context">The demonstration school.</param>
    /// <param name="cancellationToken">Cancels the contribution.</param>
    Task<DemoContribution> ContributeAsync(DemoContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the plugin's share of one school of a generated department (a host's <c>--scale department</c>: every school
    /// with its classes, pupils, teachers and courses), so that dashboards and benchmarks run at real size. The host calls
    /// it for each school the plugin is on in and each period of the year so far (from the school's rollout wave on), until it
    /// has returned once for that school and period; the plugin adds its data once
    /// (finding it the next time), deterministically from <see cref="GeneratedSchool.Seed"/>, and dates it inside the
    /// term with <see cref="GeneratedSchool.At"/>. By default a plugin adds nothing.
    /// </summary>
    /// <param name="school">The generated school.</param>
    /// <param name="cancellationToken">Cancels the contribution.</param>
    Task ContributeAsync(GeneratedSchool school, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The host's demonstration school, in the core's terms (shared with every plugin).</summary>
/// <param name="School">The school.</param>
/// <param name="Class">The class.</param>
/// <param name="Course">The class's course.</param>
/// <param name="Teacher">The course's teacher, who acts for the plugins.</param>
/// <param name="Learners">The class's pupils.</param>
/// <param name="Period">The current period, with an id that stays the same from one start to the next.</param>
public sealed record DemoContext(School School, SchoolClass Class, Course Course, Person Teacher, IReadOnlyList<Person> Learners, Period Period)
{
    /// <summary>The teacher as the actor of the plugin's calls.</summary>
    public Actor TeacherActor => new(Teacher.Id, Teacher.Department);

    /// <summary>The language the host's report is in (<c>fr</c> unless the host was asked for another): the summary and documents use it.</summary>
    public string Language { get; init; } = "fr";
}

/// <summary>What a plugin contributed: a line for the host's report and documents the host prints or writes.</summary>
/// <param name="Summary">One line, in the context's <see cref="DemoContext.Language"/>.</param>
/// <param name="Documents">Documents, such as a pupil's report card.</param>
public sealed record DemoContribution(string Summary, IReadOnlyList<DemoDocument> Documents);

/// <summary>A document produced for the demonstration.</summary>
/// <param name="FileName">Its file name (letters, digits, '-', '_' and '.'), e.g. <c>bulletin-lina-benali.html</c>.</param>
/// <param name="Content">Its content (HTML from a template, or text).</param>
public sealed record DemoDocument(string FileName, string Content);
