using System.Globalization;

namespace Ent.Storage.Engines;

/// <summary>
/// One column of a record table: its name, type, whether it may be null, and the limits its values
/// are checked against before anything is written. Build one with the <see cref="Column"/> factories.
/// </summary>
public sealed record ColumnDefinition
{
    /// <summary>The longest column or table name.</summary>
    public const int MaxNameLength = 40;

    internal ColumnDefinition(string name, ColumnType type, bool nullable, int maxLength, double minimum, double maximum)
    {
        Name = RecordNames.CheckName(name, "column");
        if (RecordNames.IsReserved(name))
        {
            throw new ArgumentException($"'{name}' is reserved by Ent for its own bookkeeping; choose another column name.", nameof(name));
        }

        if (type == ColumnType.Text && maxLength is < 1 or > Column.MaxTextLength)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"The maximum length of text column '{name}' must be between 1 and {Column.MaxTextLength}.");
        }

        if (type == ColumnType.Bytes && maxLength is < 1 or > Column.MaxBytesLength)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"The maximum length of bytes column '{name}' must be between 1 and {Column.MaxBytesLength}.");
        }

        if (minimum > maximum || double.IsNaN(minimum) || double.IsNaN(maximum))
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, $"The range of column '{name}' is empty: {minimum} > {maximum}.");
        }

        Type = type;
        Nullable = nullable;
        MaxLength = maxLength;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The column's name: lower-case letters, digits and '_', starting with a letter.</summary>
    public string Name { get; }

    /// <summary>What it holds.</summary>
    public ColumnType Type { get; }

    /// <summary>Whether it may be null.</summary>
    public bool Nullable { get; }

    /// <summary>For text, the longest value in characters; for bytes, in bytes.</summary>
    public int MaxLength { get; }

    /// <summary>For integers and numbers, the smallest value allowed.</summary>
    public double Minimum { get; }

    /// <summary>For integers and numbers, the largest value allowed.</summary>
    public double Maximum { get; }

    /// <summary>
    /// Checks a value against the column and returns it in its stored form (integers as <see cref="long"/>,
    /// numbers as <see cref="double"/>, timestamps in UTC to the microsecond).
    /// </summary>
    /// <param name="table">The table, for the error.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The value does not fit the column; the message names table, column and value.</exception>
    public object? Normalize(string table, object? value)
    {
        if (value is null || value is DBNull)
        {
            return Nullable ? null : throw Refuse(table, value, "it may not be null");
        }

        switch (Type)
        {
            case ColumnType.Id:
                if (value is not Guid id)
                {
                    throw Refuse(table, value, "expected a Guid");
                }

                return id == Guid.Empty ? throw Refuse(table, value, "an id may not be empty") : id;
            case ColumnType.Text:
                if (value is not string text)
                {
                    throw Refuse(table, value, "expected a string");
                }

                if (text.Length > MaxLength)
                {
                    throw new ArgumentException($"{table}.{Name}: a text of {text.Length} characters is over the limit of {MaxLength}; nothing was written.", nameof(value));
                }

                return text.Contains('\0', StringComparison.Ordinal) ? throw Refuse(table, value, "text may not contain NUL characters") : text;
            case ColumnType.Integer:
                long integer = value switch
                {
                    long l => l,
                    int i => i,
                    short s => s,
                    byte b => b,
                    _ => throw Refuse(table, value, "expected an integer"),
                };
                return integer < Minimum || integer > Maximum ? throw OutOfRange(table, value) : integer;
            case ColumnType.Number:
                double number = value switch
                {
                    double d => d,
                    float f => f,
                    decimal m => (double)m,
                    long l => l,
                    int i => i,
                    _ => throw Refuse(table, value, "expected a number"),
                };
                if (!double.IsFinite(number))
                {
                    throw Refuse(table, value, "a number must be finite");
                }

                return number < Minimum || number > Maximum ? throw OutOfRange(table, value) : number;
            case ColumnType.Boolean:
                return value is bool flag ? flag : throw Refuse(table, value, "expected a bool");
            case ColumnType.Timestamp:
                if (value is not DateTimeOffset at)
                {
                    throw Refuse(table, value, "expected a DateTimeOffset");
                }

                var utc = at.UtcTicks;
                return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
            case ColumnType.Date:
                return value is DateOnly date ? date : throw Refuse(table, value, "expected a DateOnly");
            case ColumnType.Bytes:
                ReadOnlyMemory<byte> bytes = value switch
                {
                    byte[] array => array.ToArray(), // a copy: the caller's array may change, the record may not
                    ReadOnlyMemory<byte> memory => memory.ToArray(),
                    Memory<byte> memory => memory.ToArray(),
                    _ => throw Refuse(table, value, "expected bytes (byte[] or ReadOnlyMemory<byte>)"),
                };
                return bytes.Length > MaxLength
                    ? throw new ArgumentException($"{table}.{Name}: {bytes.Length} bytes are over the limit of {MaxLength}; nothing was written.", nameof(value))
                    : bytes;
            default:
                throw new InvalidOperationException($"Unknown column type {Type}.");
        }
    }

    private ArgumentException Refuse(string table, object? value, string reason) =>
        new($"{table}.{Name}: {Describe(value)} was refused ({reason}); nothing was written.", nameof(value));

    private ArgumentOutOfRangeException OutOfRange(string table, object value) =>
        new(nameof(value), value, $"{table}.{Name}: {Describe(value)} is out of range [{Minimum.ToString(CultureInfo.InvariantCulture)}, {Maximum.ToString(CultureInfo.InvariantCulture)}]; nothing was written.");

    private static string Describe(object? value) => value switch
    {
        null or DBNull => "null",
        string s => $"\"{(s.Length > 40 ? s[..40] + "…" : s)}\"",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"a {value.GetType().Name}",
    };
}
