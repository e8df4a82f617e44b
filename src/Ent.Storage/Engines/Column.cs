namespace Ent.Storage.Engines;

/// <summary>Factories for record columns.</summary>
public static class Column
{
    /// <summary>The longest text column allowed.</summary>
    public const int MaxTextLength = 1_000_000;

    /// <summary>A GUID column (an id of a person, a class, an assessment…).</summary>
    /// <param name="name">The column name.</param>
    /// <param name="nullable">Whether it may be null.</param>
    public static ColumnDefinition Id(string name, bool nullable = false) =>
        new(name, ColumnType.Id, nullable, 0, 0, 0);

    /// <summary>The longest bytes column allowed.</summary>
    public const int MaxBytesLength = 1_000_000;

    /// <summary>A bytes column: a packed value the component encodes and decodes itself.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="maxLength">The longest value, in bytes.</param>
    /// <param name="nullable">Whether it may be null.</param>
    public static ColumnDefinition Bytes(string name, int maxLength, bool nullable = false) =>
        new(name, ColumnType.Bytes, nullable, maxLength, 0, 0);

    /// <summary>A text column.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="maxLength">The longest value, in characters.</param>
    /// <param name="nullable">Whether it may be null.</param>
    public static ColumnDefinition Text(string name, int maxLength, bool nullable = false) =>
        new(name, ColumnType.Text, nullable, maxLength, 0, 0);

    /// <summary>An integer column.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="minimum">The smallest value.</param>
    /// <param name="maximum">The largest value.</param>
    /// <param name="nullable">Whether it may be null.</param>
    public static ColumnDefinition Integer(string name, long minimum = long.MinValue, long maximum = long.MaxValue, bool nullable = false) =>
        new(name, ColumnType.Integer, nullable, 0, minimum, maximum);

    /// <summary>A number column (a mark out of 20, a coefficient).</summary>
    /// <param name="name">The column name.</param>
    /// <param name="minimum">The smallest value.</param>
    /// <param name="maximum">The largest value.</param>
    /// <param name="nullable">Whether it may be null.</param>
    public static ColumnDefinition Number(string name, double minimum = double.MinValue, double maximum = double.MaxValue, bool nullable = false) =>
        new(name, ColumnType.Number, nullable, 0, minimum, maximum);

    /// <summary>A true/false column.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="nullable">Whether it may be null.</param>
    public static ColumnDefinition Boolean(string name, bool nullable = false) =>
        new(name, ColumnType.Boolean, nullable, 0, 0, 0);

    /// <summary>An instant, stored in UTC to the microsecond.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="nullable">Whether it may be null.</param>
    public static ColumnDefinition Timestamp(string name, bool nullable = false) =>
        new(name, ColumnType.Timestamp, nullable, 0, 0, 0);

    /// <summary>A calendar date.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="nullable">Whether it may be null.</param>
    public static ColumnDefinition Date(string name, bool nullable = false) =>
        new(name, ColumnType.Date, nullable, 0, 0, 0);
}
