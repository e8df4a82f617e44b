using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Ent.Storage.Documents.Codec;

/// <summary>
/// Compiles a type's writer and reader from its <see cref="CodecType"/>: primitives are written in place, other members
/// through their own type's <see cref="ValueCodec{T}"/> (compiled on first use, so recursive types compile too).
/// </summary>
internal static class CodecCompiler
{
    public static (Action<BodyWriter, T> Write, Func<BodyReader, T> Read) Compile<T>()
    {
        var codec = CodecType.Of(typeof(T));
        var writer = Expression.Parameter(typeof(BodyWriter), "writer");
        var value = Expression.Parameter(typeof(T), "value");
        var reader = Expression.Parameter(typeof(BodyReader), "reader");
        var write = Expression.Lambda<Action<BodyWriter, T>>(WriteValue(codec, writer, value), writer, value).Compile();
        var read = Expression.Lambda<Func<BodyReader, T>>(ReadValue(codec, reader), reader).Compile();
        return (write, read);
    }

    /// <summary>Writes a value of any supported type: in place for a primitive or a struct, with its type's codec otherwise.</summary>
    private static Expression WriteMember(Type type, Expression writer, Expression value) =>
        CodecType.Of(type) is var codec && InPlace(codec)
            ? WriteValue(codec, writer, value)
            : Expression.Invoke(Expression.Field(null, typeof(ValueCodec<>).MakeGenericType(type).GetField(nameof(ValueCodec<>.Write))!), writer, value);

    private static Expression ReadMember(Type type, Expression reader) =>
        CodecType.Of(type) is var codec && InPlace(codec)
            ? ReadValue(codec, reader)
            : Expression.Invoke(Expression.Field(null, typeof(ValueCodec<>).MakeGenericType(type).GetField(nameof(ValueCodec<>.Read))!), reader);

    /// <summary>
    /// Primitives, enums and structs (an id, a mark, a nullable of one) are read and written in place, without a call through
    /// their own codec: a struct cannot contain itself, so inlining ends; reference types keep their codec (they may recurse).
    /// </summary>
    private static bool InPlace(CodecType codec) =>
        codec.Kind is CodecKind.Primitive or CodecKind.Enum || (codec.Type.IsValueType && codec.Kind is CodecKind.Object or CodecKind.Nullable);

    private static Expression WriteValue(CodecType codec, Expression writer, Expression value)
    {
        if (!codec.IsReference)
        {
            return WriteNonNull(codec, writer, value);
        }

        var local = Expression.Variable(codec.Type, "item");
        return Expression.Block(
            [local],
            Expression.Assign(local, value),
            Expression.IfThenElse(
                Expression.ReferenceEqual(local, Expression.Constant(null, codec.Type)),
                Call(writer, nameof(BodyWriter.WriteByte), Expression.Constant((byte)0)),
                Expression.Block(Call(writer, nameof(BodyWriter.WriteByte), Expression.Constant((byte)1)), WriteNonNull(codec, writer, local))));
    }

    private static Expression ReadValue(CodecType codec, Expression reader) =>
        codec.IsReference
            ? Expression.Condition(
                Expression.Equal(Call(reader, nameof(BodyReader.ReadByte)), Expression.Constant((byte)0)),
                Expression.Constant(null, codec.Type),
                ReadNonNull(codec, reader))
            : ReadNonNull(codec, reader);

    private static Expression WriteNonNull(CodecType codec, Expression writer, Expression value)
    {
        switch (codec.Kind)
        {
            case CodecKind.Primitive:
                return codec.Primitive switch
                {
                    "bool" => Call(writer, nameof(BodyWriter.WriteBoolean), value),
                    "byte" or "short" or "sbyte" or "ushort" => Call(writer, nameof(BodyWriter.WriteInt32), Expression.Convert(value, typeof(int))),
                    "uint" or "ulong" => Call(writer, nameof(BodyWriter.WriteInt64), Expression.Convert(value, typeof(long))), // the same 64 bits, unchecked
                    "int" => Call(writer, nameof(BodyWriter.WriteInt32), value),
                    "long" => Call(writer, nameof(BodyWriter.WriteInt64), value),
                    "float" => Call(writer, nameof(BodyWriter.WriteDouble), Expression.Convert(value, typeof(double))),
                    "double" => Call(writer, nameof(BodyWriter.WriteDouble), value),
                    "decimal" => Call(writer, nameof(BodyWriter.WriteDecimal), value),
                    "string" => Call(writer, nameof(BodyWriter.WriteString), value),
                    "guid" => Call(writer, nameof(BodyWriter.WriteGuid), value),
                    "date" => Call(writer, nameof(BodyWriter.WriteDate), value),
                    "time" => Call(writer, nameof(BodyWriter.WriteTime), value),
                    "datetime" => Call(writer, nameof(BodyWriter.WriteDateTime), value),
                    "timestamp" => Call(writer, nameof(BodyWriter.WriteTimestamp), value),
                    _ => Call(writer, nameof(BodyWriter.WriteTimeSpan), value),
                };
            case CodecKind.Enum:
                return Call(writer, nameof(BodyWriter.WriteVarInt64), Expression.Convert(Expression.Convert(value, codec.Elements[0]), typeof(long)));
            case CodecKind.Nullable:
                return Expression.IfThenElse(
                    Expression.Property(value, "HasValue"),
                    Expression.Block(Call(writer, nameof(BodyWriter.WriteBoolean), Expression.Constant(true)), WriteMember(codec.Elements[0], writer, Expression.Property(value, "Value"))),
                    Call(writer, nameof(BodyWriter.WriteBoolean), Expression.Constant(false)));
            case CodecKind.Array:
                return Collections(nameof(CodecCollections.WriteArray), codec.Elements, writer, value);
            case CodecKind.ImmutableArray:
                return Collections(nameof(CodecCollections.WriteImmutableArray), codec.Elements, writer, value);
            case CodecKind.Sequence or CodecKind.Set:
                return Collections(nameof(CodecCollections.WriteSequence), codec.Elements, writer, Expression.Convert(value, typeof(IEnumerable<>).MakeGenericType(codec.Elements)));
            case CodecKind.Dictionary:
                return Collections(nameof(CodecCollections.WritePairs), codec.Elements, writer,
                    Expression.Convert(value, typeof(IEnumerable<>).MakeGenericType(typeof(KeyValuePair<,>).MakeGenericType(codec.Elements))));
            default:
                return WriteObject(codec, writer, value);
        }
    }

    private static Expression WriteObject(CodecType codec, Expression writer, Expression value)
    {
        var writes = codec.Members.Select(m => WriteMember(m.Property.PropertyType, writer, Expression.Property(value, m.Property))).ToList();
        if (!codec.Type.IsValueType && !codec.Type.IsSealed)
        {
            // A subclass would lose what it adds: refused rather than cut.
            writes.Insert(0, Expression.Call(typeof(CodecCompiler).GetMethod(nameof(ExactType), BindingFlags.NonPublic | BindingFlags.Static)!, Expression.Convert(value, typeof(object)), Expression.Constant(codec.Type)));
        }

        return writes.Count == 0 ? Expression.Empty() : Expression.Block(writes);
    }

    private static void ExactType(object value, Type declared)
    {
        if (value.GetType() != declared)
        {
            throw new NotSupportedException($"A {value.GetType()} is stored where a {declared} is declared: the store keeps the declared type only; declare the member with its exact type or seal {declared.Name}.");
        }
    }

    private static Expression ReadNonNull(CodecType codec, Expression reader)
    {
        switch (codec.Kind)
        {
            case CodecKind.Primitive:
                return codec.Primitive switch
                {
                    "bool" => Call(reader, nameof(BodyReader.ReadBoolean)),
                    "byte" or "short" or "sbyte" or "ushort" => Expression.Convert(Call(reader, nameof(BodyReader.ReadInt32)), codec.Type),
                    "uint" or "ulong" => Expression.Convert(Call(reader, nameof(BodyReader.ReadInt64)), codec.Type),
                    "int" => Call(reader, nameof(BodyReader.ReadInt32)),
                    "long" => Call(reader, nameof(BodyReader.ReadInt64)),
                    "float" => Expression.Convert(Call(reader, nameof(BodyReader.ReadDouble)), typeof(float)),
                    "double" => Call(reader, nameof(BodyReader.ReadDouble)),
                    "decimal" => Call(reader, nameof(BodyReader.ReadDecimal)),
                    "string" => Call(reader, nameof(BodyReader.ReadString)),
                    "guid" => Call(reader, nameof(BodyReader.ReadGuid)),
                    "date" => Call(reader, nameof(BodyReader.ReadDate)),
                    "time" => Call(reader, nameof(BodyReader.ReadTime)),
                    "datetime" => Call(reader, nameof(BodyReader.ReadDateTime)),
                    "timestamp" => Call(reader, nameof(BodyReader.ReadTimestamp)),
                    _ => Call(reader, nameof(BodyReader.ReadTimeSpan)),
                };
            case CodecKind.Enum:
                return Expression.Convert(Expression.Convert(Call(reader, nameof(BodyReader.ReadVarInt64)), codec.Elements[0]), codec.Type);
            case CodecKind.Nullable:
                return Expression.Condition(
                    Call(reader, nameof(BodyReader.ReadBoolean)),
                    Expression.Convert(ReadMember(codec.Elements[0], reader), codec.Type),
                    Expression.Constant(null, codec.Type));
            case CodecKind.Array:
                return ReadItems(codec.Elements[0], reader);
            case CodecKind.ImmutableArray:
                return Expression.Call(typeof(ImmutableCollectionsMarshal).GetMethod(nameof(ImmutableCollectionsMarshal.AsImmutableArray))!.MakeGenericMethod(codec.Elements), ReadItems(codec.Elements[0], reader));
            case CodecKind.Sequence:
                var definition = codec.Type.GetGenericTypeDefinition();
                return Expression.Convert(
                    definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>) ? Read(nameof(CodecCollections.ReadList), codec.Elements, reader)
                    : definition == typeof(ImmutableList<>) || definition == typeof(IImmutableList<>) ? Read(nameof(CodecCollections.ReadImmutableList), codec.Elements, reader)
                    : ReadItems(codec.Elements[0], reader),
                    codec.Type);
            case CodecKind.Set:
                var set = codec.Type.GetGenericTypeDefinition();
                return Expression.Convert(
                    set == typeof(ImmutableHashSet<>) || set == typeof(IImmutableSet<>) ? Read(nameof(CodecCollections.ReadImmutableHashSet), codec.Elements, reader) : Read(nameof(CodecCollections.ReadHashSet), codec.Elements, reader),
                    codec.Type);
            case CodecKind.Dictionary:
                var map = codec.Type.GetGenericTypeDefinition();
                return Expression.Convert(
                    map == typeof(ImmutableDictionary<,>) || map == typeof(IImmutableDictionary<,>) ? Read(nameof(CodecCollections.ReadImmutableDictionary), codec.Elements, reader)
                    : map == typeof(ImmutableSortedDictionary<,>) ? Read(nameof(CodecCollections.ReadImmutableSortedDictionary), codec.Elements, reader)
                    : Read(nameof(CodecCollections.ReadDictionary), codec.Elements, reader),
                    codec.Type);
            default:
                return ReadObject(codec, reader);
        }
    }

    private static Expression ReadObject(CodecType codec, Expression reader)
    {
        var arguments = codec.Members.Where(m => m.FromConstructor).Select(m => ReadMember(m.Property.PropertyType, reader));
        NewExpression created = codec.Constructor is null ? Expression.New(codec.Type) : Expression.New(codec.Constructor, arguments);
        var settable = codec.Members.Where(m => !m.FromConstructor).Select(m => (MemberBinding)Expression.Bind(m.Property, ReadMember(m.Property.PropertyType, reader))).ToArray();
        return settable.Length == 0 ? created : Expression.MemberInit(created, settable);
    }

    /// <summary>An array's items read in a loop of the compiled reader itself: a struct's items (marks, ids) cost no call each.</summary>
    private static Expression ReadItems(Type element, Expression reader)
    {
        if (!InPlace(CodecType.Of(element)))
        {
            return Read(nameof(CodecCollections.ReadArray), [element], reader);
        }

        var (count, items, i) = (Expression.Variable(typeof(int), "count"), Expression.Variable(element.MakeArrayType(), "items"), Expression.Variable(typeof(int), "i"));
        var end = Expression.Label("end");
        return Expression.Block(
            [count, items, i],
            Expression.Assign(count, Call(reader, nameof(BodyReader.ReadLength))),
            Expression.Assign(items, Expression.NewArrayBounds(element, count)),
            Expression.Assign(i, Expression.Constant(0)),
            Expression.Loop(
                Expression.IfThenElse(
                    Expression.LessThan(i, count),
                    Expression.Block(Expression.Assign(Expression.ArrayAccess(items, i), ReadMember(element, reader)), Expression.PreIncrementAssign(i)),
                    Expression.Break(end)),
                end),
            items);
    }

    private static MethodCallExpression Call(Expression target, string method, params Expression[] arguments) =>
        Expression.Call(target, target.Type.GetMethod(method, arguments.Select(a => a.Type).ToArray())!, arguments);

    private static MethodCallExpression Collections(string method, Type[] elements, Expression writer, Expression value) =>
        Expression.Call(typeof(CodecCollections).GetMethod(method)!.MakeGenericMethod(elements), writer, value);

    private static MethodCallExpression Read(string method, Type[] elements, Expression reader) =>
        Expression.Call(typeof(CodecCollections).GetMethod(method)!.MakeGenericMethod(elements), reader);
}
