using Ent.Core.Identifiers;
using Ent.Storage.Documents;
using Ent.Storage.Engines;

namespace Ent.Storage.Core;

/// <summary>
/// A host's key ring (ASP.NET Core data protection's XML elements: the keys that protect session cookies and antiforgery
/// tokens) kept in the storage engine, so that every host process serving the department on the same server reads the same
/// keys: a person signed in on one is signed in on the others. Elements are added, never changed.
/// </summary>
public interface IKeyRingStore
{
    /// <summary>Every element of the key ring, in the order they were added.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an element under a name; a name already there is left as it is (another host added it first).</summary>
    /// <param name="name">The element's name (data protection's friendly name, e.g. <c>key-&lt;guid&gt;</c>).</param>
    /// <param name="xml">The element.</param>
    /// <param name="cancellationToken">Cancels the write before it commits.</param>
    Task AddAsync(string name, string xml, CancellationToken cancellationToken = default);
}

/// <summary>The key ring as the core's own documents, outside every department (it is the hosts', not a tenant's).</summary>
internal sealed class StoredKeyRing(IRecordStores stores) : IKeyRingStore
{
    public const string Owner = "core.keys";

    /// <summary>The id under which host-wide records are kept: no department has it.</summary>
    public static readonly DepartmentId Hosts = new(new Guid("0000e117-0000-4000-8000-000000000000"));

    public static readonly DocumentType<StoredKey> Keys = DocumentTypes.Create<StoredKey>(Owner, "key-ring", d => d.Key(k => k.Name));

    private readonly DocumentRegistry _registry = new([Keys]);

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var session = new DocumentSession(stores, _registry, Hosts, Owner);
        var keys = await session.Set<StoredKey>().All().ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. keys.OrderBy(k => k.Added).ThenBy(k => k.Name, StringComparer.Ordinal).Select(k => k.Xml)];
    }

    public async Task AddAsync(string name, string xml, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(xml);
        var session = new DocumentSession(stores, _registry, Hosts, Owner);
        var keys = session.Set<StoredKey>();
        if (await keys.FindAsync(k => k.Name == name, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        keys.Add(new StoredKey(name, xml, DateTimeOffset.UtcNow));
        try
        {
            await stores.SaveAsync(Hosts, session.ToChanges(), cancellationToken).ConfigureAwait(false);
        }
        catch (RecordConflictException)
        {
            // Another host added the same element at the same moment: it is there.
        }
    }
}

/// <summary>An element of the key ring as stored.</summary>
internal sealed record StoredKey(string Name, string Xml, DateTimeOffset Added);
