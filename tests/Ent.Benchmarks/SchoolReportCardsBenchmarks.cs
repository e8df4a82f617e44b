using BenchmarkDotNet.Attributes;
using Ent.Core.Organisation;
using Ent.Plugins.Grading.ReportCards;
using Microsoft.Extensions.DependencyInjection;

namespace Ent.Benchmarks;

/// <summary>
/// A school's report cards from the SQLite file to HTML (target for a department's 75,000: at least 2,000 per
/// second): one collège of 600 pupils in 20 classes, 10 subjects × 10 assessments per class (<see cref="GradingDepartment"/>),
/// per card. Real case: <see cref="IReportCards.RenderSchoolAsync"/>, which computes each class's period once and
/// streams its cards. Baseline: card by card, each pupil's card asked for on its own (<see cref="IReportCards.RenderAsync"/>),
/// the way a caller without the streaming call would do it.
/// </summary>
[MemoryDiagnoser]
public class SchoolReportCardsBenchmarks
{
    private const int Cards = GradingDepartment.ClassesPerSchool * TermCloseBenchmarks.PupilsPerClass;

    private GradingDepartment _department = null!;
    private IReportCards _cards = null!;
    private List<(Ent.Core.Identifiers.ClassId Class, Ent.Core.Identifiers.PersonId Pupil)> _pupils = [];

    [GlobalSetup]
    public async Task Setup()
    {
        _department = await GradingDepartment.CreateAsync(schools: 2);
        _cards = _department.Host.Services.GetRequiredService<IReportCards>();
        var directory = _department.Host.Services.GetRequiredService<IOrganisationDirectory>();
        _pupils = [.. directory.ClassesOf(_department.Heads[0].School).SelectMany(c => directory.EnrolmentsIn(c.Id).Select(e => (c.Id, e.Learner)))];
        if (_pupils.Count != Cards || await StreamTheSchoolsCards() == 0)
        {
            throw new InvalidOperationException($"The seeded school has {_pupils.Count} pupils.");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _department.DisposeAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Cards)]
    public async Task<long> CardByCard()
    {
        long length = 0;
        var (_, head) = _department.Heads[0];
        foreach (var (@class, pupil) in _pupils)
        {
            length += (await _cards.RenderAsync(head, pupil, @class, _department.Period.Id)).Length;
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = Cards)]
    public async Task<long> StreamTheSchoolsCards()
    {
        long length = 0;
        var (school, head) = _department.Heads[0];
        await foreach (var card in _cards.RenderSchoolAsync(head, school, _department.Period.Id))
        {
            length += card.Html.Length;
        }

        return length;
    }
}
