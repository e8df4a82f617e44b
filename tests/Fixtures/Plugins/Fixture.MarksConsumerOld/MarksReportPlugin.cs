using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Core.Strategies;
using Ent.Core.Text;
using Ent.Sdk.Plugins;
using Fixture.Marks.Contracts;

namespace Fixture.MarksConsumerOld;

public sealed class MarksReportPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => context.AddStrategy<MarksReportStrategy>();
}

/// <summary>Reads the marks plugin's results through its contracts (1.0: no scale yet), not through its types.</summary>
public sealed class MarksReportStrategy(IMarkBook book) : IPedagogicalStrategy
{
    public string Id => "fixture.marks-report-old";

    public LocalizedText Name => new($"Moyenne {book.AverageOf(PersonId.New(), "MATHS")?.Value}", "Average");

    public LearnerProposal ProposeFor(LearnerSituation situation) => new(Id, situation.Learner, ImmutableArray<ProposedActivity>.Empty);
}
