using System.Collections.Immutable;
using System.Reflection;

namespace Ent.Storage.Documents.Codec;

/// <summary>What the store can serialise, and how each type is laid out.</summary>
internal enum CodecKind
{
    Primitive,
    Enum,
    Nullable,
    Array,
    ImmutableArray,
    Sequence,
    Set,
    Dictionary,
    Object,
}

/// <summary>A type as the codec sees it: its kind, its element types, and for an object the members it is built from.</summary>
internal sealed class CodecType
{
    private static readonly Dictionary<Type, string> Primitives = new()
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(short)] = "short", [typeof(int)] = "int", [typeof(long)] = "long",
        [typeof(sbyte)] = "sbyte", [typeof(ushort)] = "ushort", [typeof(uint)] = "uint", [typeof(ulong)] = "ulong",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(Guid)] = "guid",
        [typeof(DateOnly)] = "date", [typeof(TimeOnly)] = "time", [typeof(DateTime)] = "datetime", [typeof(DateTimeOffset)] = "timestamp", [typeof(TimeSpan)] = "timespan",
    };

    private CodecType(Type type, CodecKind kind, Type[] elements, string? primitive = null, ConstructorInfo? constructor = null, ImmutableArray<CodecMember> members = default)
    {
        Type = type;
        Kind = kind;
        Elements = elements;
        Primitive = primitive;
        Constructor = constructor;
        Members = members.IsDefault ? [] : members;
    }

    public Type Type { get; }

    public CodecKind Kind { get; }

    /// <summary>The element type (an item, a nullable's value) or the key and value types of a dictionary.</summary>
    public Type[] Elements { get; }

    public string? Primitive { get; }

    /// <summary>An object's constructor; null when it is built with a parameterless one and its settable properties.</summary>
    public ConstructorInfo? Constructor { get; }

    /// <summary>An object's members, in the order written: its constructor's parameters, then the settable properties it does not take.</summary>
    public ImmutableArray<CodecMember> Members { get; }

    /// <summary>Whether a value may be null, so that a presence byte precedes it.</summary>
    public bool IsReference => !Type.IsValueType;

    /// <summary>Classifies a type.</summary>
    /// <exception cref="NotSupportedException">The store cannot serialise it; the message says why.</exception>
    public static CodecType Of(Type type)
    {
        if (Primitives.TryGetValue(type, out var name))
        {
            return new CodecType(type, CodecKind.Primitive, [], name);
        }

        if (type.IsEnum)
        {
            return new CodecType(type, CodecKind.Enum, [Enum.GetUnderlyingType(type)]);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return new CodecType(type, CodecKind.Nullable, [underlying]);
        }

        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 ? new CodecType(type, CodecKind.Array, [type.GetElementType()!]) : throw new NotSupportedException($"{type} has several dimensions; use an array of arrays.");
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(ImmutableArray<>))
            {
                return new CodecType(type, CodecKind.ImmutableArray, arguments);
            }

            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>) || definition == typeof(List<>)
                || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(ImmutableList<>) || definition == typeof(IImmutableList<>))
            {
                return new CodecType(type, CodecKind.Sequence, arguments);
            }

            if (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>) || definition == typeof(ImmutableHashSet<>) || definition == typeof(IImmutableSet<>))
            {
                return new CodecType(type, CodecKind.Set, arguments);
            }

            if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)
                || definition == typeof(ImmutableDictionary<,>) || definition == typeof(IImmutableDictionary<,>) || definition == typeof(ImmutableSortedDictionary<,>))
            {
                return new CodecType(type, CodecKind.Dictionary, arguments);
            }
        }

        if (type.IsPrimitive || type == typeof(Half) || type == typeof(Int128) || type == typeof(UInt128))
        {
            throw new NotSupportedException($"{type} is a number type the store does not keep; use bool, an integer (byte to long, or unsigned), float, double or decimal.");
        }

        if (type.IsInterface || type.IsAbstract || type.IsPointer || type.IsByRef || type.IsGenericTypeDefinition || type == typeof(object) || typeof(Delegate).IsAssignableFrom(type))
        {
            throw new NotSupportedException($"{type} is not a concrete type the store can rebuild (an interface, an abstract class, object, a delegate); give the member a record, a value or a collection type.");
        }

        if (typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            throw new NotSupportedException($"{type} is a collection the store does not know; use an array, ImmutableArray, IReadOnlyList, List, a set or a dictionary.");
        }

        return Object(type);
    }

    private static CodecType Object(Type type)
    {
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var properties = type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.Name != "EqualityContract")
            .ToArray();

        // The constructor with the most parameters, each of which matches a property by name and type (records' primary constructors).
        var constructor = type.GetConstructors(Instance)
            .Where(c => c.GetParameters().All(parameter => properties.Any(p => Matches(p, parameter))))
            .Where(c => !(c.GetParameters() is [var only] && only.ParameterType == type)) // a record's copy constructor
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (constructor is null && !type.IsValueType)
        {
            throw new NotSupportedException($"{type} has no constructor whose parameters are its properties (as a record's is), nor a parameterless one; the store cannot rebuild it.");
        }

        var members = ImmutableArray.CreateBuilder<CodecMember>();
        var parameters = constructor?.GetParameters() ?? [];
        foreach (var parameter in parameters)
        {
            members.Add(new CodecMember(properties.First(p => Matches(p, parameter)), FromConstructor: true));
        }

        foreach (var property in properties)
        {
            if (property.GetMethod!.IsPublic && property.SetMethod is { IsPublic: true } && !parameters.Any(p => Matches(property, p)))
            {
                members.Add(new CodecMember(property, FromConstructor: false));
            }
        }

        if (members.Count == 0 && parameters.Length == 0 && properties.Length > 0)
        {
            throw new NotSupportedException($"{type} has properties but no constructor that takes them and no public setter; the store cannot rebuild it.");
        }

        return new CodecType(type, CodecKind.Object, [], constructor: constructor?.GetParameters().Length > 0 ? constructor : null, members: members.ToImmutable());
    }

    private static bool Matches(PropertyInfo property, ParameterInfo parameter) =>
        string.Equals(property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && property.PropertyType == parameter.ParameterType;
}

/// <summary>A member of an object the codec writes.</summary>
/// <param name="Property">The property read when writing.</param>
/// <param name="FromConstructor">Whether reading passes it to the constructor (else it is set after).</param>
internal sealed record CodecMember(PropertyInfo Property, bool FromConstructor);
