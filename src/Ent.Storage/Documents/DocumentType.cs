using System.Buffers.Binary;
using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Storage.Documents.Codec;
using Ent.Storage.Engines;

namespace Ent.Storage.Documents;

/// <summary>
/// A kind of document a component keeps: a C# type, its key, the indexes it is queried by and its versions. The store
/// owns its serialisation (a compact binary layout fingerprinted by the type's shape) and keeps each document in a row
/// beside the columns of its key and indexes. Declare one with <c>context.AddDocuments&lt;T&gt;(…)</c> in a plugin.
/// </summary>
public abstract class DocumentType
{
    /// <summary>The name of the body column; the key and index columns are named after their members.</summary>
    internal const string BodyColumn = "document_body";

    /// <summary>The largest body a document may have once serialised, in bytes.</summary>
    public const int MaxBytes = Column.MaxBytesLength;

    private protected DocumentType(string owner, string name, Type clrType)
    {
        Owner = owner;
        Name = name;
        ClrType = clrType;
    }

    /// <summary>The component that declares it: a plugin id.</summary>
    public string Owner { get; }

    /// <summary>Its name, unique within its owner (lower-case letters, digits and '-').</summary>
    public string Name { get; }

    /// <summary>The C# type of its documents.</summary>
    public Type ClrType { get; }

    /// <summary>The version of its current shape: 1, plus one per declared upgrade.</summary>
    public abstract int Version { get; }

    /// <summary>The names of its key members, in order.</summary>
    public abstract IReadOnlyList<string> KeyMembers { get; }

    /// <summary>Its indexes, each the names of its members in order.</summary>
    public abstract IReadOnlyList<IReadOnlyList<string>> Indexes { get; }

    /// <summary>The record schema its rows are kept in, migrated by the engine as every schema is.</summary>
    internal abstract RecordSchema Schema { get; }

    /// <summary>Its table as of the current version.</summary>
    internal TableDefinition Table => Schema.Table("documents");

    /// <inheritdoc />
    public override string ToString() => $"{Owner}/{Name}";

    internal static string CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 40 || !char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{name}' is not a valid document name: 1 to 40 lower-case letters, digits or '-', starting with a letter.", nameof(name));
        }

        return name;
    }

    /// <summary>The name a type's documents get when none is given: its name in lower case, words separated by '-'.</summary>
    internal static string DefaultName(Type type) => DocumentMember.ColumnName(type.Name.Split('`')[0]).Replace('_', '-');
}

/// <summary>A kind of document of type <typeparamref name="T"/>; see <see cref="DocumentType"/>.</summary>
/// <typeparam name="T">The documents' type: a record (or a class or struct whose constructor takes its properties).</typeparam>
public sealed class DocumentType<T> : DocumentType
    where T : class
{
    [ThreadStatic]
    private static BodyWriter? t_writer;

    private readonly ImmutableArray<DocumentMember> _key;
    private readonly ImmutableArray<(ImmutableArray<DocumentMember> Members, int Since)> _indexes;
    private readonly ImmutableArray<DocumentMember> _indexColumns;
    private readonly ImmutableDictionary<string, DocumentMember> _byName;
    private readonly uint _fingerprint;

    internal DocumentType(string owner, string name, DocumentTypeBuilder<T> declared)
        : base(owner, name, typeof(T))
    {
        if (declared.KeyMembers is null)
        {
            throw new ArgumentException($"Document '{owner}/{name}' declares no key: d.Key(x => x.Id) or d.Key(x => new {{ x.Course, x.Id }}).", nameof(declared));
        }

        _key = [.. declared.KeyMembers.Select(p => DocumentMember.For(p, key: true))];
        var members = _key.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var indexes = ImmutableArray.CreateBuilder<(ImmutableArray<DocumentMember>, int)>();
        foreach (var (properties, since) in declared.Indexes)
        {
            if (since < 1 || since > declared.Version)
            {
                throw new ArgumentOutOfRangeException(nameof(declared), since, $"An index of '{owner}/{name}' is declared since version {since}; the document has versions 1 to {declared.Version}.");
            }

            indexes.Add(([.. properties.Select(p => members.TryGetValue(p.Name, out var known) ? known : members[p.Name] = DocumentMember.For(p, key: false))], since));
        }

        _indexes = indexes.ToImmutable();
        _indexColumns = [.. members.Values.Except(_key)];
        _byName = members.ToImmutableDictionary(StringComparer.Ordinal);
        if (members.Keys.Select(DocumentMember.ColumnName).Append(BodyColumn).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new ArgumentException($"Two members of '{owner}/{name}' would share the column '{clash.Key}'; rename one.", nameof(declared));
        }

        Upgrades = declared.Upgrades;
        _fingerprint = DocumentShape.Fingerprint(typeof(T)); // describing the shape refuses a type the store cannot serialise, naming the member
        Schema = BuildSchema();
    }

    /// <inheritdoc />
    public override int Version => Upgrades.Length + 1;

    /// <inheritdoc />
    public override IReadOnlyList<string> KeyMembers => [.. _key.Select(m => m.Name)];

    /// <inheritdoc />
    public override IReadOnlyList<IReadOnlyList<string>> Indexes => [.. _indexes.Select(i => (IReadOnlyList<string>)[.. i.Members.Select(m => m.Name)])];

    internal override RecordSchema Schema { get; }

    internal ImmutableArray<DocumentUpgrade> Upgrades { get; }

    /// <summary>A document as a row: its key, its index columns and its body.</summary>
    internal Record ToRecord(T document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var table = Table;
        var values = new object?[table.Columns.Length];
        foreach (var member in _key)
        {
            values[table.Ordinal(member.Column.Name)] = member.ColumnValueOf(document); // columns added by later versions come after the body
        }

        foreach (var member in _indexColumns)
        {
            values[table.Ordinal(member.Column.Name)] = member.ColumnValueOf(document);
        }

        values[table.Ordinal(BodyColumn)] = Encode(document);
        return table.NewRecord(values);
    }

    /// <summary>The key of a document.</summary>
    internal RecordKey KeyOf(T document) => Table.Key([.. _key.Select(m => m.ColumnValueOf(document))]);

    /// <summary>A document from its row.</summary>
    /// <exception cref="InvalidDataException">The body was written by another shape of the type; the message says to declare a version.</exception>
    internal T Read(Record record) => Decode(record.GetBytes(BodyColumn));

    internal byte[] Encode(T document)
    {
        var writer = t_writer ??= new BodyWriter();
        writer.Reset();
        writer.WriteUInt32(_fingerprint);
        ValueCodec<T>.Write(writer, document);
        var body = writer.ToArray();
        return body.Length <= MaxBytes
            ? body
            : throw new ArgumentException($"Document {KeyOf(document)} of '{this}' is {body.Length} bytes once serialised; the limit is {MaxBytes}. Nothing was written.", nameof(document));
    }

    internal T Decode(ReadOnlyMemory<byte> body) => Decode<T>(body, _fingerprint, Version);

    private T1 Decode<T1>(ReadOnlyMemory<byte> body, uint fingerprint, int version)
    {
        if (body.Length < 4 || BinaryPrimitives.ReadUInt32LittleEndian(body.Span) != fingerprint)
        {
            throw new InvalidDataException(
                $"A document of '{this}' was stored with another shape than {typeof(T1).Name} has now (version {version}): when a document's type changes, declare the next version with an upgrade from the previous type (d.Upgrade<TPrevious, TNext>(…)).");
        }

        var reader = new BodyReader(body[4..]);
        var document = ValueCodec<T1>.Read(reader);
        return reader.AtEnd ? document : throw new InvalidDataException($"A document of '{this}' has bytes after its last value: it was not written by {typeof(T1).Name}.");
    }

    /// <summary>The column of a key or index member, for a filter.</summary>
    /// <exception cref="ArgumentException">The member is neither; the message lists those that are.</exception>
    internal DocumentMember Member(string name) =>
        _byName.TryGetValue(name, out var member)
            ? member
            : throw new ArgumentException(
                $"'{typeof(T).Name}.{name}' is not a key or index member of '{this}', so it cannot be queried (it has {string.Join(", ", _byName.Keys)}); declare an index on it.", nameof(name));

    internal bool IsWholeKey(IReadOnlyCollection<string> members) => members.Count == _key.Length && _key.All(k => members.Contains(k.Name));

    internal ImmutableArray<DocumentMember> Key => _key;

    private RecordSchema BuildSchema() => RecordSchema.Create($"{Owner}.{Name}", schema =>
    {
        var columns = new HashSet<string>(_key.Select(m => m.Column.Name), StringComparer.Ordinal); // a key member an index names is the key's column
        schema.Version(1, $"Documents '{Name}' ({typeof(T).Name} once upgraded)", v => v.CreateTable("documents", t =>
        {
            t.Key([.. _key.Select(m => m.Column)]);
            var first = _indexes.Where(i => i.Since == 1).ToArray();
            var indexed = first.SelectMany(i => i.Members).Distinct().Except(_key).ToArray();
            t.Columns([.. indexed.Select(m => m.Column), Column.Bytes(BodyColumn, MaxBytes, nullable: true)]);
            columns.UnionWith(indexed.Select(m => m.Column.Name));
            foreach (var (members, _) in first)
            {
                t.Index([.. members.Select(m => m.Column.Name)]);
            }
        }));

        foreach (var upgrade in Upgrades)
        {
            var number = upgrade.From + 1;
            var last = number == Version;
            schema.Version(number, $"Documents '{Name}' upgraded from version {upgrade.From} ({upgrade.FromType.Name} to {upgrade.ToType.Name})", v =>
            {
                foreach (var (members, _) in _indexes.Where(i => i.Since == number))
                {
                    foreach (var member in members.Where(m => columns.Add(m.Column.Name)))
                    {
                        v.AddColumn("documents", member.Column);
                    }

                    v.AddIndex("documents", [.. members.Select(m => m.Column.Name)]);
                }

                v.Transform("documents", record => Upgrade(record, upgrade, last));
            });
        }
    });

    /// <summary>One stored row brought from the version before <paramref name="upgrade"/>'s to its own; at the last, its index columns computed afresh.</summary>
    private Record Upgrade(Record record, DocumentUpgrade upgrade, bool last)
    {
        if (record.Get<ReadOnlyMemory<byte>?>(BodyColumn) is not { } body)
        {
            return record;
        }

        var upgraded = upgrade.Apply(this, body);
        if (!last)
        {
            return record.With(BodyColumn, upgraded.Body);
        }

        var document = (T)upgraded.Document;
        var result = record.With(BodyColumn, Encode(document));
        foreach (var member in _indexColumns)
        {
            result = result.With(member.Column.Name, member.ColumnValueOf(document));
        }

        return result;
    }

    internal TFrom DecodeAs<TFrom>(ReadOnlyMemory<byte> body, int version) => Decode<TFrom>(body, DocumentShape.Fingerprint(typeof(TFrom)), version);

    internal byte[] EncodeAs<TTo>(TTo document)
    {
        var writer = new BodyWriter();
        writer.WriteUInt32(DocumentShape.Fingerprint(typeof(TTo)));
        ValueCodec<TTo>.Write(writer, document);
        return writer.ToArray();
    }
}

/// <summary>Creates document types; plugins declare theirs with <c>context.AddDocuments&lt;T&gt;(…)</c>, which names the owner.</summary>
public static class DocumentTypes
{
    /// <summary>Declares a kind of document.</summary>
    /// <typeparam name="T">The documents' type.</typeparam>
    /// <param name="owner">The owning component (a plugin id).</param>
    /// <param name="name">The name, unique within the owner; null for the type's name in lower case (<c>MarkChange</c> is <c>mark-change</c>).</param>
    /// <param name="declare">Declares the key, the indexes and the upgrades.</param>
    /// <exception cref="ArgumentException">A name, a member or an upgrade is invalid; the message says which.</exception>
    /// <exception cref="NotSupportedException">A member's type cannot be stored; the message names its path.</exception>
    public static DocumentType<T> Create<T>(string owner, string? name, Action<DocumentTypeBuilder<T>> declare)
        where T : class
    {
        if (!StableId.IsValid(owner))
        {
            throw new ArgumentException($"'{owner}' is not a valid component id.", nameof(owner));
        }

        ArgumentNullException.ThrowIfNull(declare);
        var builder = new DocumentTypeBuilder<T>();
        declare(builder);
        return builder.Build(owner, name ?? DocumentType.DefaultName(typeof(T)));
    }
}
