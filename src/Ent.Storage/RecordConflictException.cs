using Ent.Storage.Engines;

namespace Ent.Storage;

/// <summary>
/// A change set was refused because a record changed since it was read (or a new record's key is already
/// taken): another writer saved first. Nothing of the change set was written; read again and retry.
/// </summary>
public sealed class RecordConflictException : StorageException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="location">The database file or server.</param>
    /// <param name="key">The record in conflict.</param>
    /// <param name="expectedVersion">The version the change expected (0 for an insert).</param>
    /// <param name="storedVersion">The version stored now, or null when the record no longer exists (or is unknown).</param>
    public RecordConflictException(string location, RecordKey key, long expectedVersion, long? storedVersion)
        : base(location, Describe(key, expectedVersion, storedVersion))
    {
        Key = key;
        ExpectedVersion = expectedVersion;
        StoredVersion = storedVersion;
    }

    /// <summary>The record in conflict.</summary>
    public RecordKey Key { get; }

    /// <summary>The version the change expected (0 for an insert).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version stored now, or null when the record no longer exists.</summary>
    public long? StoredVersion { get; }

    private static string Describe(RecordKey key, long expected, long? stored) =>
        (expected, stored) switch
        {
            (0, _) => $"{key} already exists; nothing of the change set was written.",
            (_, null) => $"{key} was expected at version {expected} but no longer exists (another writer deleted it); nothing of the change set was written.",
            _ => $"{key} was expected at version {expected} but is now at version {stored} (another writer saved it first); nothing of the change set was written.",
        };
}
