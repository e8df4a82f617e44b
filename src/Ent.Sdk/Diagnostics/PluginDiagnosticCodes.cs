namespace Ent.Sdk.Diagnostics;

/// <summary>The stable reason codes of plugin diagnostics. A code never changes meaning; new reasons get new codes.</summary>
public static class PluginDiagnosticCodes
{
    /// <summary>A configured plugins directory does not exist.</summary>
    public const string DirectoryMissing = "ENT001";

    /// <summary>A plugin folder has no <c>plugin.json</c>.</summary>
    public const string ManifestMissing = "ENT002";

    /// <summary>A <c>plugin.json</c> is malformed or has a missing or invalid field.</summary>
    public const string ManifestInvalid = "ENT003";

    /// <summary>The entry assembly named by the manifest is not in the folder, or has no <c>.deps.json</c> beside it.</summary>
    public const string AssemblyMissing = "ENT004";

    /// <summary>Two plugins share an id; neither runs.</summary>
    public const string DuplicateId = "ENT010";

    /// <summary>The manifest's SDK range excludes this host's Ent.Sdk version.</summary>
    public const string SdkVersionUnsupported = "ENT020";

    /// <summary>The assembly was built against a newer Ent.Sdk (or another major version) than this host's.</summary>
    public const string SdkReferenceTooNew = "ENT021";

    /// <summary>The assembly targets a framework this host cannot run (e.g. netstandard2.0, or a newer .NET).</summary>
    public const string TargetFrameworkUnsupported = "ENT022";

    /// <summary>The folder ships its own copy of a contract assembly (Ent.Core.dll, Ent.Sdk.dll, Ent.Storage.dll).</summary>
    public const string ContractAssemblyShipped = "ENT023";

    /// <summary>After loading, the plugin does not see the host's contract assemblies (it resolved a private copy).</summary>
    public const string ContractAssemblyMismatch = "ENT024";

    /// <summary>A contracts assembly the plugin publishes is missing from its folder, unreadable, not named after its assembly, one the host provides, or published by another plugin already; the plugin is refused.</summary>
    public const string ContractsInvalid = "ENT025";

    /// <summary>The plugin was built against a version of another plugin's contracts that the installed publisher cannot honour (another major version, or a newer one); it is refused with both versions named, never left to fail with a cast or a missing method.</summary>
    public const string ContractsIncompatible = "ENT026";

    /// <summary>The plugin uses another plugin's contracts without declaring a dependency on it in its plugin.json; it is refused.</summary>
    public const string ContractsUndeclared = "ENT027";

    /// <summary>A required dependency is not there.</summary>
    public const string DependencyMissing = "ENT030";

    /// <summary>A dependency is there, at a version outside the required range.</summary>
    public const string DependencyVersionMismatch = "ENT031";

    /// <summary>Plugins depend on each other in a cycle; none of them runs.</summary>
    public const string DependencyCycle = "ENT032";

    /// <summary>A required dependency failed, so this plugin cannot run either.</summary>
    public const string DependencyFailed = "ENT033";

    /// <summary>The assembly could not be loaded.</summary>
    public const string LoadFailed = "ENT040";

    /// <summary>The assembly has no usable <c>EntPlugin</c> subclass, or more than one.</summary>
    public const string EntryTypeInvalid = "ENT041";

    /// <summary>The plugin threw while registering its services; nothing it registered was kept.</summary>
    public const string RegistrationFailed = "ENT050";

    /// <summary>The plugin registers a service only the core registers (access control, policy, directory, events, time, storage, views, framework services); it is refused.</summary>
    public const string ServiceReserved = "ENT051";

    /// <summary>The plugin registers a service type another plugin owns (defined or registered first by it) that is not an extension point; it is refused.</summary>
    public const string ServiceOwnedByAnotherPlugin = "ENT052";

    /// <summary>The plugin grants a capability that is not its own (not named after its id); it is refused.</summary>
    public const string CapabilityNotOwned = "ENT053";

    /// <summary>The plugin threw while starting.</summary>
    public const string StartFailed = "ENT060";

    /// <summary>The plugin declares a record schema not named after its id, or whose tables would take a stored name another component uses; it is refused.</summary>
    public const string RecordSchemaNotOwned = "ENT054";

    /// <summary>The plugin declares documents of a type another plugin declares too (or documents not its own); it is refused, and the message names both plugins.</summary>
    public const string DocumentDeclaredTwice = "ENT056";

    /// <summary>The plugin's options are invalid (a value its validation refuses, a value of the wrong type, a key that is no option); it does not start.</summary>
    public const string OptionsInvalid = "ENT055";

    /// <summary>The plugin's <c>StartAsync</c> did not return within <see cref="Hosting.EntOptions.PluginStartTimeout"/>; it is marked failed.</summary>
    public const string StartTimedOut = "ENT062";

    /// <summary>A template the plugin ships does not parse (or cannot be read); in a strict host it refuses the start.</summary>
    public const string ShippedViewInvalid = "ENT070";

    /// <summary>The plugin's shipped strings lack a translation in one of its languages; in a strict host it refuses the start.</summary>
    public const string TranslationMissing = "ENT071";

    /// <summary>The plugin threw while stopping, or did not stop within <see cref="Hosting.EntOptions.PluginStopTimeout"/>.</summary>
    public const string StopFailed = "ENT061";
}
