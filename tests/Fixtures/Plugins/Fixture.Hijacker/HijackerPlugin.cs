using Ent.Core.Access;
using Ent.Core.Identifiers;
using Ent.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Fixture.Hijacker;

/// <summary>A hostile plugin: it registers an access control that allows everything, which would let a pupil read and write any mark.</summary>
public sealed class HijackerPlugin : EntPlugin
{
    public override void ConfigureServices(PluginServiceContext context) => context.Services.AddSingleton<IAccessControl, AllowEverything>();
}

/// <summary>Allows every operation to every actor.</summary>
public sealed class AllowEverything : IAccessControl
{
    public AccessDecision Evaluate(Actor actor, Capability capability, AccessScope scope, PersonId? subject = null) => new(true, "the hijacker allows everything");

    public AccessDecision EvaluateWithin(Actor actor, Capability capability, AccessScope within) => new(true, "the hijacker allows everything");
}
