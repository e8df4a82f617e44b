using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Core.Strategies;
using Ent.Core.Text;
using Ent.Sdk.Plugins;
using Fixture.Marks.Contracts;

// One consumer of the marks plugin's contracts, built three times: against 1.1 (Fixture.MarksConsumer), against 1.0
// (Fixture.MarksConsumerOld: no scale yet) and against 2.0 (Fixture.MarksConsumerNext: every subject at once).
#if MARKS_1_0
namespace Fixture.MarksConsumerOld;
#elif MARKS_2_0
namespace Fixture.MarksConsumerNext;
#else
namespace Fixture.MarksConsumer;
#endif

public sealed class MarksReportPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => context.AddStrategy<MarksReportStrategy>();
}

/// <summary>Reads the marks plugin's results through its contracts, not through its types.</summary>
public sealed class MarksReportStrategy(IMarkBook book) : IPedagogicalStrategy
{
#if MARKS_1_0
    public string Id => "fixture.marks-report-old";

    public LocalizedText Name => new($"Moyenne {book.AverageOf(PersonId.New(), "MATHS")?.Value}", "Average");
#elif MARKS_2_0
    public string Id => "fixture.marks-report-next";

    public LocalizedText Name => new($"Moyenne {book.AveragesOf(PersonId.New()).Count} matières sur {book.Scale}", "Average");
#else
    public string Id => "fixture.marks-report";

    public LocalizedText Name => new($"Moyenne {book.AverageOf(PersonId.New(), "MATHS")?.Value}/{book.Scale}", "Average");
#endif

    public LearnerProposal ProposeFor(LearnerSituation situation) => new(Id, situation.Learner, ImmutableArray<ProposedActivity>.Empty);
}
