using Ent.Core.Identifiers;
using Ent.Sdk.Plugins;
using Fixture.Marks.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.MarksProvider;

public sealed class MarksProviderPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => context.Services.AddSingleton<IMarkBook, MarkBook>();
}

/// <summary>The provider's implementation of its published contract.</summary>
public sealed class MarkBook : IMarkBook
{
    public decimal Scale => 20m;

    public PupilAverage? AverageOf(PersonId pupil, string subject) => subject == "MATHS" ? new PupilAverage(pupil, subject, 14.5m) : null;
}
