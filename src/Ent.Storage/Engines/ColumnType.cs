namespace Ent.Storage.Engines;

/// <summary>The types a record column can hold; each engine maps them to its own.</summary>
public enum ColumnType
{
    /// <summary>A <see cref="System.Guid"/>, never empty (Ent's ids are GUIDs).</summary>
    Id,

    /// <summary>A <see cref="string"/> up to the column's maximum length, without NUL characters.</summary>
    Text,

    /// <summary>A <see cref="long"/> within the column's range.</summary>
    Integer,

    /// <summary>A finite <see cref="double"/> within the column's range (a mark, a coefficient).</summary>
    Number,

    /// <summary>A <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>A <see cref="DateTimeOffset"/>, stored in UTC to the microsecond.</summary>
    Timestamp,

    /// <summary>A <see cref="DateOnly"/>.</summary>
    Date,

    /// <summary>
    /// Bytes up to the column's maximum length, read as <see cref="ReadOnlyMemory{T}"/> of <see cref="byte"/>: a packed
    /// value the component encodes itself (an assessment's marks, say). Neither a key nor a filter nor an index.
    /// </summary>
    Bytes,
}
