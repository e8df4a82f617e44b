using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Core.Strategies;
using Ent.Core.Text;
using Ent.Sdk.Plugins;
using Fixture.Marks.Contracts;

namespace Fixture.MarksConsumer;

public sealed class MarksReportPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => context.AddStrategy<MarksReportStrategy>();
}

/// <summary>Reads the marks plugin's results through its contracts (1.1, the scale included), not through its types.</summary>
public sealed class MarksReportStrategy(IMarkBook book) : IPedagogicalStrategy
{
    public string Id => "fixture.marks-report";

    public LocalizedText Name => new($"Moyenne {book.AverageOf(PersonId.New(), "MATHS")?.Value}/{book.Scale}", "Average");

    public LearnerProposal ProposeFor(LearnerSituation situation) => new(Id, situation.Learner, ImmutableArray<ProposedActivity>.Empty);
}
