using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Ent.Storage.Engines;

namespace Ent.Storage.Documents;

/// <summary>
/// A member of a document that is a key or an index: a column beside the document's body, named after the member
/// (<c>ClassId</c> is <c>class_id</c>), holding its value as the store keeps it (a typed id as its GUID, an enum as its number).
/// </summary>
internal sealed class DocumentMember
{
    /// <summary>The longest text a key or index member may hold.</summary>
    public const int MaxTextLength = 400;

    private readonly Func<object?, object?> _toColumn;

    private DocumentMember(PropertyInfo property, ColumnDefinition column, Func<object?, object?> toColumn, Func<object, object?> read)
    {
        Property = property;
        Column = column;
        _toColumn = toColumn;
        Read = read;
    }

    public PropertyInfo Property { get; }

    public string Name => Property.Name;

    public ColumnDefinition Column { get; }

    /// <summary>Reads the member's value from a document.</summary>
    public Func<object, object?> Read { get; }

    /// <summary>A value of the member's type as its column holds it.</summary>
    public object? ToColumn(object? value) => value is null ? null : _toColumn(value);

    public object? ColumnValueOf(object document) => ToColumn(Read(document));

    /// <summary>The members an expression names: one member (<c>a =&gt; a.Id</c>) or several, as an anonymous object (<c>a =&gt; new { a.Course, a.Id }</c>, as EF Core's keys).</summary>
    /// <exception cref="ArgumentException">The expression is anything else; the message shows it.</exception>
    public static IReadOnlyList<PropertyInfo> Named(LambdaExpression members, string what)
    {
        var body = Unwrap(members.Body);
        IEnumerable<Expression> parts = body is NewExpression several ? several.Arguments : [body];
        var properties = new List<PropertyInfo>();
        foreach (var part in parts.Select(Unwrap))
        {
            if (part is not MemberExpression { Member: PropertyInfo property, Expression: ParameterExpression })
            {
                throw new ArgumentException($"A document's {what} names properties of the document, as d => d.Id or d => new {{ d.Course, d.Id }}; '{part}' is not one.", nameof(members));
            }

            if (properties.Contains(property))
            {
                throw new ArgumentException($"The {what} names '{property.Name}' twice.", nameof(members));
            }

            properties.Add(property);
        }

        return properties;
    }

    public static DocumentMember For(PropertyInfo property, bool key)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        if (key && (underlying is not null || !(type.IsValueType || type == typeof(string))))
        {
            throw new ArgumentException($"Key member '{property.Name}' is {Describe(type)}: a key is made of values that are never null (ids, texts, numbers, dates).", nameof(property));
        }

        var valueType = underlying ?? type;
        var nullable = !key;
        var name = ColumnName(property.Name);
        var (column, convert) = valueType switch
        {
            _ when valueType == typeof(Guid) => (Engines.Column.Id(name, nullable), Same),
            _ when valueType == typeof(string) => (Engines.Column.Text(name, MaxTextLength, nullable), Same),
            _ when valueType == typeof(bool) => (Engines.Column.Boolean(name, nullable), Same),
            _ when valueType == typeof(int) || valueType == typeof(long) || valueType == typeof(short) || valueType == typeof(byte) => (Engines.Column.Integer(name, nullable: nullable), ToInt64),
            _ when valueType.IsEnum => (Engines.Column.Integer(name, nullable: nullable), ToInt64),
            _ when valueType == typeof(double) => (Engines.Column.Number(name, nullable: nullable), Same),
            _ when valueType == typeof(DateOnly) => (Engines.Column.Date(name, nullable), Same),
            _ when valueType == typeof(DateTimeOffset) => (Engines.Column.Timestamp(name, nullable), Same),
            _ when IdValue(valueType) is { } id => (Engines.Column.Id(name, nullable), id),
            _ => throw new ArgumentException(
                $"Member '{property.Name}' is {Describe(type)}, which a key or an index cannot hold: use an id (a GUID or a typed id such as ClassId), a text, a whole number, an enum, a boolean, a double, a date or a timestamp.",
                nameof(property)),
        };

        var document = Expression.Parameter(typeof(object), "document");
        var read = Expression.Lambda<Func<object, object?>>(
            Expression.Convert(Expression.Property(Expression.Convert(document, property.DeclaringType!), property), typeof(object)), document).Compile();
        return new DocumentMember(property, column, convert, read);
    }

    /// <summary>The column name of a member: its name in lower case, words separated by '_'.</summary>
    public static string ColumnName(string member)
    {
        var name = new StringBuilder(member.Length + 4);
        for (var i = 0; i < member.Length; i++)
        {
            var c = member[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(member[i - 1]) || (i + 1 < member.Length && char.IsLower(member[i + 1]))))
            {
                name.Append('_');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        return name.ToString();
    }

    private static object? Same(object? value) => value;

    private static object? ToInt64(object? value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>For a typed id (a value type with a GUID <c>Value</c> and a constructor taking it): its GUID.</summary>
    private static Func<object?, object?>? IdValue(Type type)
    {
        var value = type.GetProperty("Value", BindingFlags.Public | BindingFlags.Instance);
        if (!type.IsValueType || value?.PropertyType != typeof(Guid) || type.GetConstructor([typeof(Guid)]) is null)
        {
            return null;
        }

        var id = Expression.Parameter(typeof(object), "id");
        var read = Expression.Lambda<Func<object?, object?>>(Expression.Convert(Expression.Property(Expression.Convert(id, type), value), typeof(object)), id).Compile();
        return read;
    }

    private static string Describe(Type type) => Nullable.GetUnderlyingType(type) is { } inner ? $"a nullable {inner.Name}" : $"a {type.Name}";

    /// <summary>An expression without the conversions the compiler adds around it (to object, to a nullable).</summary>
    internal static Expression Unwrap(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? Unwrap(convert.Operand) : expression;
}
