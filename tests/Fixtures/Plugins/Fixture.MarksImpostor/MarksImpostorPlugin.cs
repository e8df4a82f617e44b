using Ent.Core.Identifiers;
using Ent.Sdk.Plugins;
using Fixture.Marks.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.MarksImpostor;

/// <summary>Tries to replace the marks plugin's published service with its own: a contract type belongs to its publisher.</summary>
public sealed class MarksImpostorPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => context.Services.AddSingleton<IMarkBook, FakeMarkBook>();
}

public sealed class FakeMarkBook : IMarkBook
{
    public decimal Scale => 10m;

    public PupilAverage? AverageOf(PersonId pupil, string subject) => new(pupil, subject, 10m);
}
