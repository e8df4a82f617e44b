using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Core.Strategies;
using Ent.Core.Text;
using Ent.Sdk.Plugins;
using Fixture.Marks.Contracts;

namespace Fixture.MarksConsumerNext;

public sealed class MarksReportPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => context.AddStrategy<MarksReportStrategy>();
}

/// <summary>Reads the marks plugin's results through its contracts (2.0: every subject at once), not through its types.</summary>
public sealed class MarksReportStrategy(IMarkBook book) : IPedagogicalStrategy
{
    public string Id => "fixture.marks-report-next";

    public LocalizedText Name => new($"Moyenne {book.AveragesOf(PersonId.New()).Count} matières sur {book.Scale}", "Average");

    public LearnerProposal ProposeFor(LearnerSituation situation) => new(Id, situation.Learner, ImmutableArray<ProposedActivity>.Empty);
}
