using System.Buffers.Binary;
using Ent.Core.Identifiers;
using Ent.Plugins.Grading.Marks;

namespace Ent.Plugins.Grading.Gradebook;

/// <summary>
/// An assessment's marks packed in one bytes column (the layout measured in docs/storage.md): per mark, the
/// pupil's id (16 bytes, big-endian) and the mark (4 bytes: hundredths of a point, or a code's negative number).
/// </summary>
internal static class PackedMarks
{
    private const int Size = 20;

    /// <summary>The most marks an assessment holds (a class of up to 200 pupils).</summary>
    public const int MaxMarks = 200;

    /// <summary>The column's length.</summary>
    public const int MaxBytes = MaxMarks * Size;

    public static byte[] Pack(IReadOnlyDictionary<PersonId, Mark> marks)
    {
        var bytes = new byte[marks.Count * Size];
        var i = 0;
        foreach (var (pupil, mark) in marks.OrderBy(m => m.Key.Value))
        {
            var slot = bytes.AsSpan(i++ * Size, Size);
            pupil.Value.TryWriteBytes(slot, bigEndian: true, out _);
            BinaryPrimitives.WriteInt32LittleEndian(slot[16..], StoredMark.Encode(mark));
        }

        return bytes;
    }

    /// <summary>How many marks a packed column holds.</summary>
    public static int Count(ReadOnlySpan<byte> packed) => packed.Length / Size;

    /// <summary>The i-th packed mark, as stored: the pupil and the value (hundredths of a point, or a code's negative number).</summary>
    public static (PersonId Pupil, int Stored) At(ReadOnlySpan<byte> packed, int index)
    {
        var slot = packed.Slice(index * Size, Size);
        return (new PersonId(new Guid(slot[..16], bigEndian: true)), BinaryPrimitives.ReadInt32LittleEndian(slot[16..]));
    }

    public static Dictionary<PersonId, Mark> Unpack(ReadOnlySpan<byte> packed, int scale)
    {
        var count = Count(packed);
        var marks = new Dictionary<PersonId, Mark>(count);
        for (var i = 0; i < count; i++)
        {
            var (pupil, stored) = At(packed, i);
            marks[pupil] = StoredMark.Decode(stored, scale);
        }

        return marks;
    }
}
