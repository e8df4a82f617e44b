using System.Collections.Immutable;
using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Plugins.PersonalisedLearning.Mastery;
using Ent.Plugins.PersonalisedLearning.Paths;

namespace Ent.Plugins.PersonalisedLearning.Skills;

/// <summary>A skill as a teacher writes it: new when it has no id.</summary>
/// <param name="Id">The skill to change, or null for a new one.</param>
/// <param name="Name">Its name.</param>
/// <param name="Prerequisites">The skills it needs.</param>
/// <param name="Socle">The socle component it builds towards, or null.</param>
public sealed record SkillDraft(SkillId? Id, string Name, ImmutableArray<SkillId> Prerequisites, string? Socle = null);

/// <summary>A skill of the school as the editor shows it.</summary>
/// <param name="Skill">The skill.</param>
/// <param name="Fitted">How its parameters were fitted, or null when they are the default or set by hand.</param>
/// <param name="InCourse">Whether the course works on it (or on a skill that needs it).</param>
public sealed record SkillView(Skill Skill, FitRecord? Fitted, bool InCourse);

/// <summary>A course's skill map: its school's skills, its plan, its activities.</summary>
/// <param name="Course">The course.</param>
/// <param name="CourseTitle">Its title.</param>
/// <param name="Skills">The school's skills, each after its prerequisites.</param>
/// <param name="Plan">The course's plan.</param>
/// <param name="Activities">The course's activities, in order.</param>
/// <param name="Assessments">The course's assessments in the grading plugin, which can be linked; empty without it.</param>
public sealed record SkillMap(CourseId Course, string CourseTitle, ImmutableArray<SkillView> Skills, CoursePlan Plan, ImmutableArray<Activity> Activities, ImmutableArray<MarkedAssessment> Assessments);

/// <summary>An assessment of the course in the grading plugin.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">Its date.</param>
/// <param name="Marks">How many pupils have a mark on it.</param>
public sealed record MarkedAssessment(Guid Id, string Title, DateOnly Date, int Marks);

/// <summary>Whose answers a skill's parameters are fitted from.</summary>
public enum FitScope
{
    /// <summary>The course's pupils.</summary>
    Class,

    /// <summary>The pupils of every course of the school that works on the skill.</summary>
    School,
}

/// <summary>
/// The design of courses' paths: the school's skills and their prerequisites, each course's plan, the skills' parameters.
/// Each operation checks that the actor may design the course (its teachers, the head of school) and that the plugin is on.
/// </summary>
public interface ISkillMaps
{
    /// <summary>The course's skill map.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="course">The course.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<SkillMap> MapOfAsync(Actor actor, CourseId course, CancellationToken cancellationToken = default);

    /// <summary>Adds a skill to the course's school, or changes one (its name, prerequisites, socle component).</summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course the teacher works in.</param>
    /// <param name="draft">The skill.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    /// <returns>The skill saved.</returns>
    /// <exception cref="ArgumentException">The name is empty, too long or taken, a prerequisite is unknown, or the prerequisites would make a cycle (named); nothing is saved.</exception>
    Task<Skill> SaveSkillAsync(Actor actor, CourseId course, SkillDraft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the course's plan (links, gates, ranges, choices, threshold), checked against the course and the skills. The marks already
    /// given on a newly linked assessment of the grading plugin become evidence (read through the grading plugin's rights check).
    /// </summary>
    /// <param name="actor">Who.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    /// <exception cref="ArgumentException">The plan is invalid (<see cref="CompiledPlan.Create"/>); nothing is saved.</exception>
    Task<SkillMap> SavePlanAsync(Actor actor, CoursePlan plan, CancellationToken cancellationToken = default);

    /// <summary>Sets a skill's parameters by hand.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course the teacher works in.</param>
    /// <param name="skill">The skill.</param>
    /// <param name="parameters">The parameters.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    Task<Skill> SetParametersAsync(Actor actor, CourseId course, SkillId skill, BktParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fits a skill's parameters from past answers (the course's pupils, or every course of the school that works on it) and keeps
    /// them with the amount of data behind them. Only the parameters leave the pupils' records.
    /// </summary>
    /// <param name="actor">Who.</param>
    /// <param name="course">The course the teacher works in.</param>
    /// <param name="skill">The skill.</param>
    /// <param name="scope">Whose answers.</param>
    /// <param name="cancellationToken">Cancels it before it is saved.</param>
    /// <exception cref="InvalidOperationException">Too few answers to fit (fewer than <see cref="MinimumAnswers"/> from <see cref="MinimumPupils"/> pupils), or answers that do not tell knowing from not knowing; the message gives the counts.</exception>
    Task<BktFit> FitAsync(Actor actor, CourseId course, SkillId skill, FitScope scope, CancellationToken cancellationToken = default);

    /// <summary>The fewest answers a fit is made from.</summary>
    const int MinimumAnswers = 30;

    /// <summary>The fewest pupils a fit is made from.</summary>
    const int MinimumPupils = 5;
}
