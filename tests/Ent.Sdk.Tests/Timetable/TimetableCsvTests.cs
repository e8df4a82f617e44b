using Ent.Core.Access;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Timetable;
using Ent.Sdk.Timetable;
using Ent.TestSupport;

namespace Ent.Sdk.Tests.Timetable;

/// <summary>A school's timetable file (docs/timetable.md): read whole or not at all, every wrong line named with its number.</summary>
public sealed class TimetableCsvTests
{
    private const string Header = "classe;groupe;matiere;libelle;enseignant;salle;jour;debut;fin;semaine;du;au";
    private readonly TestWorld _world = new();
    private readonly Person _teacher;

    public TimetableCsvTests()
    {
        _teacher = new Person(PersonId.New(), _world.Department.Id, "Ada", "Lovelace") { ExternalId = "ada.lovelace" };
        _world.Directory.Add(_teacher);
        _world.Directory.Add(new RoleAssignment(_teacher.Id, Role.Teacher, AccessScope.OfSchool(_world.Department.Id, _world.School.Id), new DateRange(_world.Year.Dates.Begin, _world.Year.Dates.End)));
    }

    private IReadOnlyList<TimetableSlot> Read(params string[] lines) =>
        TimetableCsv.Read(new StringReader(string.Join("\n", [Header, .. lines])), _world.School, _world.Year.Id, _world.Directory);

    [Fact]
    public void A_documented_file_gives_its_slots_in_order()
    {
        var slots = Read(
            "5e B;;MATHS;Mathématiques;ada.lovelace;B12;lundi;08:00;09:00;;2026-09-01;",
            ";4e Latin;LCA;Latin;ada.lovelace;;Jeudi;14h00;15h30;B;01/09/2026;2027-01-31");

        Assert.Collection(slots,
            maths => Assert.Equal((CourseAudience.ForClass(_world.Class5B.Id), new Subject("MATHS", "Mathématiques"), _teacher.Id, "B12", DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(9, 0), TeachingWeeks.Every, new DateRange(new(2026, 9, 1))),
                (maths.Audience, maths.Subject, maths.Teacher, maths.Room, maths.Day, maths.Start, maths.End, maths.Weeks, maths.Valid)),
            latin => Assert.Equal((CourseAudience.ForGroup(_world.LatinGroup.Id), (string?)null, DayOfWeek.Thursday, new TimeOnly(14, 0), new TimeOnly(15, 30), TeachingWeeks.WeekB, new DateRange(new(2026, 9, 1), new(2027, 1, 31))),
                (latin.Audience, latin.Room, latin.Day, latin.Start, latin.End, latin.Weeks, latin.Valid)));
        Assert.All(slots, s => Assert.Equal(_world.School.Id, s.School));
    }

    [Fact]
    public void The_same_file_read_again_gives_the_same_slot_ids()
    {
        string[] file = ["5e B;;MATHS;Mathématiques;ada.lovelace;B12;lundi;08:00;09:00;;2026-09-01;", "5e B;;MATHS;Mathématiques;ada.lovelace;B12;mardi;08:00;09:00;;2026-09-01;"];

        Assert.Equal(Read(file).Select(s => s.Id), Read(file).Select(s => s.Id));
        Assert.Equal(2, Read(file).Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Every_wrong_line_is_named_with_its_number_and_nothing_is_read()
    {
        var error = Assert.Throws<TimetableCsvException>(() => Read(
            "5e B;;MATHS;Mathématiques;ada.lovelace;B12;lundi;08:00;09:00;;2026-09-01;",
            "6e Z;;MATHS;Mathématiques;ada.lovelace;;lundi;08:00;09:00;;2026-09-01;",
            "5e B;;MATHS;Mathématiques;nobody;;lundi;10:00;11:00;;2026-09-01;",
            "5e B;;MATHS;Mathématiques;ada.lovelace;;dimanche;08:00;09:00;;2026-09-01;",
            "5e B;;MATHS;Mathématiques;ada.lovelace;;mardi;8 heures;09:00;C;2026-09-01;",
            "5e B;;MATHS;Mathématiques;ada.lovelace;;mercredi;10:00;09:00;;2026-09-01;"));

        Assert.Equal([3, 4, 5, 6, 6, 7], error.Errors.Select(e => e.Line));
        Assert.Contains("'6e Z'", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'nobody'", error.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("'dimanche'", error.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("'8 heures'", error.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("'C'", error.Errors[4].Message, StringComparison.Ordinal);
        Assert.Contains("10:00–09:00", error.Errors[5].Message, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_teacher_who_does_not_teach_at_the_school_is_refused()
    {
        var elsewhere = new Person(PersonId.New(), _world.Department.Id, "Louis", "Pasteur") { ExternalId = "louis.pasteur" };
        _world.Directory.Add(elsewhere);
        _world.Directory.Add(new RoleAssignment(elsewhere.Id, Role.Teacher, AccessScope.OfSchool(_world.Department.Id, _world.OtherSchool.Id), new DateRange(_world.Year.Dates.Begin)));

        var error = Assert.Throws<TimetableCsvException>(() => Read("5e B;;SVT;Sciences de la vie et de la Terre;louis.pasteur;;lundi;08:00;09:00;;2026-09-01;"));

        Assert.Contains("does not teach at", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_repeats_a_slot_is_refused_naming_the_first()
    {
        var error = Assert.Throws<TimetableCsvException>(() => Read(
            "5e B;;MATHS;Mathématiques;ada.lovelace;B12;lundi;08:00;09:00;;2026-09-01;",
            "5e B;;MATHS;Mathématiques;ada.lovelace;C3;lundi;08:00;09:00;;2026-09-01;"));

        var repeated = Assert.Single(error.Errors);
        Assert.Equal(3, repeated.Line);
        Assert.Contains("line 2", repeated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_both_a_class_and_a_group_is_refused()
    {
        var error = Assert.Throws<TimetableCsvException>(() => Read("5e B;4e Latin;LCA;Latin;ada.lovelace;;jeudi;14:00;15:00;;2026-09-01;"));

        Assert.Contains("a class or a group", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_documented_header_is_refused()
    {
        var error = Assert.Throws<TimetableCsvException>(() =>
            TimetableCsv.Read(new StringReader("class;subject\n5e B;MATHS"), _world.School, _world.Year.Id, _world.Directory));

        Assert.Equal(1, Assert.Single(error.Errors).Line);
    }
}
