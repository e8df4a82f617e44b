using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;

namespace Ent.Storage.Documents;

/// <summary>Declares a <see cref="DocumentType{T}"/>: its key, its indexes and its upgrades.</summary>
/// <typeparam name="T">The documents' current type.</typeparam>
/// <example>
/// <code>
/// context.AddDocuments&lt;Assessment&gt;(d =&gt; d
///     .Key(a =&gt; new { a.Course, a.Id })
///     .Index(a =&gt; new { a.Class, a.Period })
///     .Upgrade&lt;AssessmentV1, Assessment&gt;(1, old =&gt; new Assessment(old.Course, old.Id, …)));
/// </code>
/// </example>
public sealed class DocumentTypeBuilder<T>
    where T : class
{
    private readonly List<(IReadOnlyList<PropertyInfo> Members, int Since)> _indexes = [];
    private readonly List<DocumentUpgrade> _upgrades = [];

    internal DocumentTypeBuilder()
    {
    }

    internal IReadOnlyList<PropertyInfo>? KeyMembers { get; private set; }

    internal IReadOnlyList<(IReadOnlyList<PropertyInfo> Members, int Since)> Indexes => _indexes;

    internal ImmutableArray<DocumentUpgrade> Upgrades => [.. _upgrades];

    internal int Version => _upgrades.Count + 1;

    /// <summary>The key: one member, or several as an anonymous object, unique within a department, never null (typed ids, texts, numbers, dates).</summary>
    /// <typeparam name="TKey">The member's type, or the anonymous object's.</typeparam>
    /// <param name="key">The members, as <c>d =&gt; d.Id</c> or <c>d =&gt; new { d.Course, d.Id }</c>; documents are read in the order of their key.</param>
    /// <returns>The same builder.</returns>
    public DocumentTypeBuilder<T> Key<TKey>(Expression<Func<T, TKey>> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (KeyMembers is not null)
        {
            throw new InvalidOperationException($"The key of {typeof(T).Name} is declared twice.");
        }

        KeyMembers = DocumentMember.Named(key, "key");
        return this;
    }

    /// <summary>An index: members that queries filter on (<c>Where(d =&gt; d.Class == c &amp;&amp; d.Period == p)</c>).</summary>
    /// <typeparam name="TIndex">The member's type, or the anonymous object's.</typeparam>
    /// <param name="members">The members, as <c>d =&gt; d.Pupil</c> or <c>d =&gt; new { d.Class, d.Period }</c>.</param>
    /// <param name="since">The version that added it (1 for an index the documents had from the start); the upgrade to it fills it.</param>
    /// <returns>The same builder.</returns>
    public DocumentTypeBuilder<T> Index<TIndex>(Expression<Func<T, TIndex>> members, int since = 1)
    {
        ArgumentNullException.ThrowIfNull(members);
        _indexes.Add((DocumentMember.Named(members, "index"), since));
        return this;
    }

    /// <summary>
    /// The next version: documents stored at <paramref name="from"/> were <typeparamref name="TFrom"/>; the store rewrites each
    /// as <typeparamref name="TTo"/> when the host starts, one transaction per version. The last upgrade's <typeparamref name="TTo"/> is <typeparamref name="T"/>.
    /// </summary>
    /// <typeparam name="TFrom">The type documents had at version <paramref name="from"/> (keep it in the plugin, as it was).</typeparam>
    /// <typeparam name="TTo">The type they have at the next version.</typeparam>
    /// <param name="from">The version upgraded from: 1, then 2…</param>
    /// <param name="upgrade">Maps a document to its next shape (a field added, renamed, a value transformed).</param>
    /// <returns>The same builder.</returns>
    public DocumentTypeBuilder<T> Upgrade<TFrom, TTo>(int from, Func<TFrom, TTo> upgrade)
        where TFrom : class
        where TTo : class
    {
        ArgumentNullException.ThrowIfNull(upgrade);
        if (from != _upgrades.Count + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"The upgrades of {typeof(T).Name} go from version 1, then 2…; expected {_upgrades.Count + 1}.");
        }

        var expected = _upgrades.Count == 0 ? null : _upgrades[^1].ToType;
        if (expected is not null && expected != typeof(TFrom))
        {
            throw new ArgumentException($"Version {from} of {typeof(T).Name} was upgraded to {expected.Name}; its upgrade to version {from + 1} must start from {expected.Name}, not {typeof(TFrom).Name}.", nameof(upgrade));
        }

        _upgrades.Add(new DocumentUpgrade<TFrom, TTo>(from, upgrade));
        return this;
    }

    internal DocumentType<T> Build(string owner, string name)
    {
        if (_upgrades.Count > 0 && _upgrades[^1].ToType != typeof(T))
        {
            throw new ArgumentException($"The last upgrade of '{owner}/{name}' gives {_upgrades[^1].ToType.Name}, not {typeof(T).Name}: documents end in their current type.", nameof(owner));
        }

        return new DocumentType<T>(owner, DocumentType.CheckName(name), this);
    }
}
