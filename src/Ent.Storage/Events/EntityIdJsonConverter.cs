using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ent.Storage.Events;

/// <summary>
/// Writes Ent's strongly typed identifiers (a value type with a <c>Value</c> GUID and a constructor
/// taking it) as plain GUID strings: shorter payloads, and faster to write and read.
/// </summary>
internal sealed class EntityIdJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsValueType
        && typeToConvert.Namespace == "Ent.Core.Identifiers"
        && typeToConvert.GetProperty("Value")?.PropertyType == typeof(Guid)
        && typeToConvert.GetConstructor([typeof(Guid)]) is not null;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EntityIdJsonConverter<>).MakeGenericType(typeToConvert))!;
}

internal sealed class EntityIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct
{
    private static readonly Func<Guid, TId> Create = CompileCreate();
    private static readonly Func<TId, Guid> ValueOf = CompileRead();

    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Create(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ValueOf(value));
    }

    private static Func<Guid, TId> CompileCreate()
    {
        var guid = Expression.Parameter(typeof(Guid));
        return Expression.Lambda<Func<Guid, TId>>(Expression.New(typeof(TId).GetConstructor([typeof(Guid)])!, guid), guid).Compile();
    }

    private static Func<TId, Guid> CompileRead()
    {
        var id = Expression.Parameter(typeof(TId));
        return Expression.Lambda<Func<TId, Guid>>(Expression.Property(id, typeof(TId).GetProperty("Value", BindingFlags.Public | BindingFlags.Instance)!), id).Compile();
    }
}
