using Ent.Core.Calendar;

namespace Ent.Core.Tests.Calendar;

public sealed class AcademicYearTests
{
    private static readonly AcademicYear Year = AcademicYear.WithTrimesters("2026-2027", new(2026, 9, 1), new(2026, 12, 1), new(2027, 3, 8), new(2027, 7, 4));

    [Fact]
    public void A_year_in_trimesters_has_three_contiguous_periods()
    {
        Assert.Equal(["Trimestre 1", "Trimestre 2", "Trimestre 3"], Year.Periods.Select(p => p.Name));
        Assert.Equal(new DateOnly(2026, 11, 30), Year.Periods[0].Last);
        Assert.Equal(new DateOnly(2027, 3, 7), Year.Periods[1].Last);
        Assert.All(Year.Periods, p => Assert.Equal(PeriodKind.Trimester, p.Kind));
    }

    [Fact]
    public void Tells_which_period_a_day_falls_in()
    {
        Assert.Equal("Trimestre 1", Year.PeriodOf(new(2026, 11, 30))?.Name);
        Assert.Equal("Trimestre 2", Year.PeriodOf(new(2026, 12, 1))?.Name);
        Assert.Null(Year.PeriodOf(new(2027, 8, 15)));
    }

    [Fact]
    public void A_year_in_semesters_has_two_periods()
    {
        var year = AcademicYear.WithSemesters("2026-2027", new(2026, 9, 1), new(2027, 1, 25), new(2027, 7, 4));

        Assert.Equal(["Semestre 1", "Semestre 2"], year.Periods.Select(p => p.Name));
    }

    [Fact]
    public void Overlapping_periods_are_refused_naming_them()
    {
        var error = Assert.Throws<ArgumentException>(() => AcademicYear.Create("2026-2027", new(2026, 9, 1), new(2027, 7, 4),
        [
            Period.Create("A", PeriodKind.Other, new(2026, 9, 1), new(2026, 12, 15)),
            Period.Create("B", PeriodKind.Other, new(2026, 12, 1), new(2027, 7, 4)),
        ]));

        Assert.Contains("Period 'B' overlaps period 'A'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_outside_the_year_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => AcademicYear.Create("2026-2027", new(2026, 9, 1), new(2027, 7, 4),
            [Period.Create("Summer", PeriodKind.Other, new(2027, 7, 1), new(2027, 8, 31))]));

        Assert.Contains("'Summer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_ending_before_it_begins_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Period.Create("Backwards", PeriodKind.Other, new(2026, 10, 1), new(2026, 9, 1)));
    }
}
