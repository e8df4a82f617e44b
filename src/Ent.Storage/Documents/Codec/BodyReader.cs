using System.Buffers.Binary;
using System.Text;

namespace Ent.Storage.Documents.Codec;

/// <summary>Reads what <see cref="BodyWriter"/> wrote; a body cut short throws <see cref="InvalidDataException"/>.</summary>
internal sealed class BodyReader(ReadOnlyMemory<byte> body)
{
    private readonly ReadOnlyMemory<byte> _body = body;
    private int _position;

    public bool AtEnd => _position == _body.Length;

    public byte ReadByte() => Take(1)[0];

    public bool ReadBoolean() => Take(1)[0] != 0;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public decimal ReadDecimal()
    {
        var span = Take(16);
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            bits[i] = BinaryPrimitives.ReadInt32LittleEndian(span[(i * 4)..]);
        }

        return new decimal(bits);
    }

    public Guid ReadGuid() => new(Take(16));

    public DateOnly ReadDate() => DateOnly.FromDayNumber(ReadInt32());

    public TimeOnly ReadTime() => new(ReadInt64());

    public DateTime ReadDateTime() => DateTime.FromBinary(ReadInt64());

    public TimeSpan ReadTimeSpan() => new(ReadInt64());

    public DateTimeOffset ReadTimestamp()
    {
        var ticks = ReadInt64();
        var offset = TimeSpan.FromMinutes(ReadInt32());
        return new DateTimeOffset(ticks + offset.Ticks, offset);
    }

    public int ReadCount()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value <= int.MaxValue ? (int)value : throw Truncated();
            }
        }

        throw Truncated();
    }

    /// <summary>A collection's count, which cannot exceed the bytes left (every item takes at least one).</summary>
    public int ReadLength()
    {
        var count = ReadCount();
        return count <= _body.Length - _position ? count : throw Truncated();
    }

    public string ReadString() => Encoding.UTF8.GetString(Take(ReadCount()));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _position + count > _body.Length)
        {
            throw Truncated();
        }

        var span = _body.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    private InvalidDataException Truncated() => new($"The document's body ends at byte {_position} of {_body.Length} before its last value: it was not written by this document type.");
}
