namespace Ent.Storage.Schema;

/// <summary>The schema components Ent versions, each migrated on its own when a store opens.</summary>
public static class SchemaComponents
{
    /// <summary>The append-only log of domain events.</summary>
    public const string EventLog = "core.events";
}

/// <summary>One step of a component's schema: applied once, in order, inside a transaction.</summary>
/// <param name="Version">The version the step brings the component to, from 1 up.</param>
/// <param name="Description">What it does.</param>
/// <param name="Sql">The engine's statements.</param>
public sealed record SchemaMigration(int Version, string Description, string Sql);

/// <summary>Checks a component's stored schema version against the migrations this code knows.</summary>
public static class SchemaCheck
{
    /// <summary>The migrations to apply to bring a component from its stored version to the latest.</summary>
    /// <param name="location">The database file or server, for the error.</param>
    /// <param name="component">The component.</param>
    /// <param name="stored">Its stored version (0 when new).</param>
    /// <param name="migrations">Every migration this code knows for it, in any order.</param>
    /// <exception cref="IncompatibleStoreException">The stored version is newer than this code knows: never downgrade data.</exception>
    public static IReadOnlyList<SchemaMigration> Pending(string location, string component, int stored, IReadOnlyCollection<SchemaMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        NotNewer(location, component, stored, migrations.Count == 0 ? 0 : migrations.Max(m => m.Version));
        return migrations.Where(m => m.Version > stored).OrderBy(m => m.Version).ToArray();
    }

    /// <summary>Refuses a store whose schema of a component is newer than the code.</summary>
    /// <param name="location">The database file or server, for the error.</param>
    /// <param name="component">The component.</param>
    /// <param name="stored">Its stored version.</param>
    /// <param name="latest">The latest version this code knows.</param>
    /// <exception cref="IncompatibleStoreException">The stored version is newer: never downgrade data.</exception>
    public static void NotNewer(string location, string component, int stored, int latest)
    {
        if (stored > latest)
        {
            throw new IncompatibleStoreException(location,
                $"the schema of '{component}' is at version {stored}, newer than this code (version {latest}); upgrade before opening this store, nothing was changed.");
        }
    }
}
