using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Courses;
using Ent.Core.Organisation;

namespace Ent.Sdk.Demo;

/// <summary>
/// One school of a generated department, as the host made it in the directory and the course catalogue, for the plugins'
/// <see cref="IDemoContributor.ContributeAsync(GeneratedSchool, CancellationToken)"/>.
/// </summary>
public sealed class GeneratedSchool
{
    private readonly Func<DateOnly, TimeOnly, IDisposable> _at;

    /// <summary>Describes a generated school.</summary>
    /// <param name="school">The school.</param>
    /// <param name="period">The period whose data the plugin adds.</param>
    /// <param name="from">The first day of the school's use of the ENT in the period (its rollout wave's start when later than the period's first).</param>
    /// <param name="until">The last day the data may be dated (the period's last, or yesterday while the period runs).</param>
    /// <param name="classes">Its classes with their pupils and courses.</param>
    /// <param name="seed">The seed of the school's pseudo-random choices, the same at every generation.</param>
    /// <param name="at">Dates what is done until the returned scope is disposed at a day and a time of the department's zone.</param>
    public GeneratedSchool(School school, Period period, DateOnly from, DateOnly until, IReadOnlyList<GeneratedClass> classes, int seed, Func<DateOnly, TimeOnly, IDisposable> at)
    {
        ArgumentNullException.ThrowIfNull(school);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(at);
        (School, Period, From, Until, Classes, Seed, _at) = (school, period, from, until, classes, seed, at);
    }

    /// <summary>The school.</summary>
    public School School { get; }

    /// <summary>The period whose data the plugin adds.</summary>
    public Period Period { get; }

    /// <summary>The first day data may be dated: the school's use of the ENT begins then.</summary>
    public DateOnly From { get; }

    /// <summary>The last day data may be dated (never a day to come).</summary>
    public DateOnly Until { get; }

    /// <summary>Its classes, each with its pupils and its courses.</summary>
    public IReadOnlyList<GeneratedClass> Classes { get; }

    /// <summary>The seed of the school's pseudo-random choices (<c>new Random(Seed)</c>), the same at every generation.</summary>
    public int Seed { get; }

    /// <summary>
    /// Dates what the plugin does (its units of work, their events) at <paramref name="time"/> on <paramref name="day"/>, in the
    /// department's time zone, until the returned scope is disposed: the host's clock reads that instant meanwhile, in this
    /// flow of calls only.
    /// </summary>
    /// <param name="day">The day, between <see cref="From"/> and <see cref="Until"/>.</param>
    /// <param name="time">The time of day.</param>
    public IDisposable At(DateOnly day, TimeOnly time) => _at(day, time);
}

/// <summary>A generated class: its pupils (in the order the host made them) and its courses.</summary>
/// <param name="Class">The class.</param>
/// <param name="Pupils">Its pupils.</param>
/// <param name="Courses">Its courses, each with its teacher.</param>
public sealed record GeneratedClass(SchoolClass Class, IReadOnlyList<Person> Pupils, IReadOnlyList<GeneratedCourse> Courses);

/// <summary>A generated course and the teacher who teaches it.</summary>
/// <param name="Course">The course.</param>
/// <param name="Teacher">Its teacher.</param>
public sealed record GeneratedCourse(Course Course, Person Teacher)
{
    /// <summary>The teacher as the actor of the plugin's calls.</summary>
    public Actor TeacherActor => new(Teacher.Id, Teacher.Department);
}
