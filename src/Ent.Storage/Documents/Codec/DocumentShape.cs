using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ent.Storage.Documents.Codec;

/// <summary>
/// A type's layout as text ("Assessment{Id:guid,Course:{Value:guid},…}") and its 32-bit fingerprint, which every stored body
/// starts with: a body is read only by the type that wrote it, so a change of shape without a new version is reported, not misread.
/// </summary>
internal static class DocumentShape
{
    /// <summary>Checks that the store can serialise a type and describes its layout.</summary>
    /// <exception cref="NotSupportedException">A member's type cannot be serialised; the message names the member's path.</exception>
    public static string Describe(Type type)
    {
        var text = new StringBuilder();
        Describe(type, text, [], type.Name);
        return text.ToString();
    }

    /// <summary>The layout's version: a change of how values are written changes every fingerprint, so that older bodies are reported, not misread.</summary>
    private const string Format = "ent-codec/2:";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, uint> Fingerprints = new();

    /// <summary>The type's fingerprint, computed once per type (an upgrade asks it for every stored document).</summary>
    public static uint Fingerprint(Type type) =>
        Fingerprints.GetOrAdd(type, t => BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(Format + Describe(t)))));

    private static void Describe(Type type, StringBuilder text, Stack<Type> path, string where)
    {
        CodecType codec;
        try
        {
            codec = CodecType.Of(type);
        }
        catch (NotSupportedException exception)
        {
            throw new NotSupportedException($"{where}: {exception.Message}", exception);
        }

        switch (codec.Kind)
        {
            case CodecKind.Primitive:
                text.Append(codec.Primitive);
                break;
            case CodecKind.Enum:
                text.Append("enum:").Append(codec.Elements[0].Name);
                break;
            case CodecKind.Nullable:
                Describe(codec.Elements[0], text, path, where);
                text.Append('?');
                break;
            case CodecKind.Array or CodecKind.ImmutableArray or CodecKind.Sequence:
                text.Append('[');
                Describe(codec.Elements[0], text, path, where + "[]");
                text.Append(']');
                break;
            case CodecKind.Set:
                text.Append("set[");
                Describe(codec.Elements[0], text, path, where + "[]");
                text.Append(']');
                break;
            case CodecKind.Dictionary:
                text.Append("map[");
                Describe(codec.Elements[0], text, path, where + ".Key");
                text.Append("->");
                Describe(codec.Elements[1], text, path, where + ".Value");
                text.Append(']');
                break;
            default:
                if (path.Contains(type))
                {
                    text.Append('^').Append(type.Name); // a recursive type: its layout is already being described
                    break;
                }

                path.Push(type);
                text.Append(type.IsValueType ? "(" : "{");
                var first = true;
                foreach (var member in codec.Members)
                {
                    text.Append(first ? string.Empty : ",").Append(member.Property.Name).Append(':');
                    Describe(member.Property.PropertyType, text, path, $"{where}.{member.Property.Name}");
                    first = false;
                }

                text.Append(type.IsValueType ? ")" : "}");
                path.Pop();
                break;
        }
    }
}
