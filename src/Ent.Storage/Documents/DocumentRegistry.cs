namespace Ent.Storage.Documents;

/// <summary>The document types a host declared: one per C# type, each owned by one component.</summary>
internal sealed class DocumentRegistry
{
    private readonly Dictionary<Type, DocumentType> _types = [];

    public DocumentRegistry(IEnumerable<DocumentType> types)
    {
        foreach (var type in types)
        {
            if (_types.TryGetValue(type.ClrType, out var known) && !ReferenceEquals(known, type))
            {
                throw new InvalidOperationException($"{type.ClrType} is declared as a document twice: '{known}' and '{type}'; a type is the document of one component.");
            }

            _types[type.ClrType] = type;
        }
    }

    public IReadOnlyCollection<DocumentType> All => _types.Values;

    /// <summary>The document type of <typeparamref name="T"/>, which <paramref name="owner"/> must have declared.</summary>
    /// <exception cref="InvalidOperationException">It was not declared, or another component declared it.</exception>
    public DocumentType<T> Get<T>(string owner)
        where T : class
    {
        if (!_types.TryGetValue(typeof(T), out var type))
        {
            throw new InvalidOperationException($"{typeof(T).Name} is not a declared document: declare it with context.AddDocuments<{typeof(T).Name}>(…) where '{owner}' registers its services.");
        }

        return type.Owner == owner
            ? (DocumentType<T>)type
            : throw new InvalidOperationException($"{typeof(T).Name} is a document of '{type.Owner}', not of '{owner}': a plugin reads another's data through its published services.");
    }
}
