namespace Ent.Storage.Documents;

/// <summary>How documents stored at one version become the next version's: a function from the older type to the newer.</summary>
internal abstract class DocumentUpgrade(int from, Type fromType, Type toType)
{
    /// <summary>The version upgraded from.</summary>
    public int From { get; } = from;

    public Type FromType { get; } = fromType;

    public Type ToType { get; } = toType;

    /// <summary>Reads a body of the older type, upgrades it, and returns the newer document with its body.</summary>
    public abstract (object Document, byte[] Body) Apply<T>(DocumentType<T> type, ReadOnlyMemory<byte> body)
        where T : class;
}

internal sealed class DocumentUpgrade<TFrom, TTo>(int from, Func<TFrom, TTo> upgrade) : DocumentUpgrade(from, typeof(TFrom), typeof(TTo))
    where TFrom : class
    where TTo : class
{
    public override (object Document, byte[] Body) Apply<T>(DocumentType<T> type, ReadOnlyMemory<byte> body)
    {
        var upgraded = upgrade(type.DecodeAs<TFrom>(body, From))
            ?? throw new InvalidOperationException($"The upgrade of '{type}' from version {From} returned null; an upgrade returns the document in its next shape.");
        return (upgraded, type.EncodeAs(upgraded));
    }
}
