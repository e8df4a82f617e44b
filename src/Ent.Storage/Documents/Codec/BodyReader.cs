using System.Buffers.Binary;
using System.Text;

namespace Ent.Storage.Documents.Codec;

/// <summary>Reads what <see cref="BodyWriter"/> wrote; a body cut short throws <see cref="InvalidDataException"/>.</summary>
internal sealed class BodyReader
{
    private readonly byte[] _bytes;
    private readonly int _end;
    private int _position;

    public BodyReader(ReadOnlyMemory<byte> body)
    {
        // The array underneath (a record's bytes are one): a byte costs an index, not a Span's type checks.
        var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(body, out var array) ? array : new ArraySegment<byte>(body.ToArray());
        (_bytes, _position, _end) = (segment.Array!, segment.Offset, segment.Offset + segment.Count);
    }

    public bool AtEnd => _position == _end;

    public byte ReadByte() => _position < _end ? _bytes[_position++] : throw Truncated();

    public bool ReadBoolean() => ReadByte() != 0;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public decimal ReadDecimal()
    {
        var header = ReadByte();
        var scale = (byte)(header & 0x1F);
        if (scale > 28)
        {
            throw Truncated();
        }

        int lo, mid, hi;
        if ((header & 0x40) != 0)
        {
            var span = Take(12);
            (lo, mid, hi) = (BinaryPrimitives.ReadInt32LittleEndian(span), BinaryPrimitives.ReadInt32LittleEndian(span[4..]), BinaryPrimitives.ReadInt32LittleEndian(span[8..]));
        }
        else
        {
            var mantissa = ReadVarUInt64();
            (lo, mid, hi) = ((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0);
        }

        return new decimal(lo, mid, hi, (header & 0x80) != 0, scale);
    }

    public long ReadVarInt64()
    {
        var value = ReadVarUInt64();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    private ulong ReadVarUInt64()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Truncated();
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
        return count <= _end - _position ? count : throw Truncated();
    }

    public string ReadString() => Encoding.UTF8.GetString(Take(ReadCount()));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _end - _position)
        {
            throw Truncated();
        }

        var span = new ReadOnlySpan<byte>(_bytes, _position, count);
        _position += count;
        return span;
    }

    private InvalidDataException Truncated() => new($"The document's body ends at byte {_position} before its last value (it has {_end - _position} left): it was not written by this document type.");
}
