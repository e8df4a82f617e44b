using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Ent.Storage.Documents.Codec;

/// <summary>How collections are written: a count, then each item with its type's codec.</summary>
internal static class CodecCollections
{
    public static void WriteArray<T>(BodyWriter writer, T[] items)
    {
        writer.WriteCount(items.Length);
        var write = ValueCodec<T>.Write;
        foreach (var item in items)
        {
            write(writer, item);
        }
    }

    public static void WriteImmutableArray<T>(BodyWriter writer, ImmutableArray<T> items)
    {
        if (items.IsDefault)
        {
            writer.WriteCount(0);
            return;
        }

        WriteArray(writer, ImmutableCollectionsMarshal.AsArray(items)!);
    }

    public static void WriteSequence<T>(BodyWriter writer, IEnumerable<T> items)
    {
        var write = ValueCodec<T>.Write;
        if (items is IReadOnlyList<T> list)
        {
            writer.WriteCount(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                write(writer, list[i]);
            }

            return;
        }

        var copy = items.ToArray();
        writer.WriteCount(copy.Length);
        foreach (var item in copy)
        {
            write(writer, item);
        }
    }

    public static void WritePairs<TKey, TValue>(BodyWriter writer, IEnumerable<KeyValuePair<TKey, TValue>> pairs)
    {
        var copy = pairs.ToArray();
        writer.WriteCount(copy.Length);
        var writeKey = ValueCodec<TKey>.Write;
        var writeValue = ValueCodec<TValue>.Write;
        foreach (var (key, value) in copy)
        {
            writeKey(writer, key);
            writeValue(writer, value);
        }
    }

    public static T[] ReadArray<T>(BodyReader reader)
    {
        var count = reader.ReadLength();
        var read = ValueCodec<T>.Read;
        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = read(reader);
        }

        return items;
    }

    public static List<T> ReadList<T>(BodyReader reader) => [.. ReadArray<T>(reader)];

    public static HashSet<T> ReadHashSet<T>(BodyReader reader) => [.. ReadArray<T>(reader)];

    public static ImmutableHashSet<T> ReadImmutableHashSet<T>(BodyReader reader) => [.. ReadArray<T>(reader)];

    public static ImmutableList<T> ReadImmutableList<T>(BodyReader reader) => [.. ReadArray<T>(reader)];

    public static Dictionary<TKey, TValue> ReadDictionary<TKey, TValue>(BodyReader reader)
        where TKey : notnull
    {
        var count = reader.ReadLength();
        var readKey = ValueCodec<TKey>.Read;
        var readValue = ValueCodec<TValue>.Read;
        var pairs = new Dictionary<TKey, TValue>(count);
        for (var i = 0; i < count; i++)
        {
            var key = readKey(reader);
            pairs[key] = readValue(reader);
        }

        return pairs;
    }

    public static ImmutableDictionary<TKey, TValue> ReadImmutableDictionary<TKey, TValue>(BodyReader reader)
        where TKey : notnull => ReadDictionary<TKey, TValue>(reader).ToImmutableDictionary();

    public static ImmutableSortedDictionary<TKey, TValue> ReadImmutableSortedDictionary<TKey, TValue>(BodyReader reader)
        where TKey : notnull => ReadDictionary<TKey, TValue>(reader).ToImmutableSortedDictionary();
}
