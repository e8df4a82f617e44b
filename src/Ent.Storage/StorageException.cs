namespace Ent.Storage;

/// <summary>A storage operation failed; the message names the file or server. Nothing acknowledged before is lost.</summary>
public class StorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="location">The database file or server (host:port/database).</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The engine's own error, if any.</param>
    public StorageException(string location, string message, Exception? innerException = null)
        : base($"{location}: {message}", innerException)
    {
        Location = location;
    }

    /// <summary>The database file or server.</summary>
    public string Location { get; }
}

/// <summary>The store is not an Ent store Ent can use: not a database, another application's database, or a schema newer than this code.</summary>
/// <param name="location">The database file or server.</param>
/// <param name="message">What is wrong with it.</param>
/// <param name="innerException">The engine's own error, if any.</param>
public sealed class IncompatibleStoreException(string location, string message, Exception? innerException = null)
    : StorageException(location, message, innerException);

/// <summary>The store cannot be reached: a server that is down or went away, a file that cannot be opened.</summary>
/// <param name="location">The database file or server.</param>
/// <param name="message">What happened.</param>
/// <param name="innerException">The engine's own error.</param>
public sealed class StoreUnavailableException(string location, string message, Exception? innerException = null)
    : StorageException(location, message, innerException);
