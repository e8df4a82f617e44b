using System.Buffers.Binary;
using System.Text;

namespace Ent.Storage.Documents.Codec;

/// <summary>Writes a document's body: little-endian fixed-size values, lengths as unsigned LEB128, texts in UTF-8.</summary>
internal sealed class BodyWriter
{
    private byte[] _buffer = new byte[256];
    private int _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Reset() => _length = 0;

    public byte[] ToArray() => Written.ToArray();

    public void WriteByte(byte value) => Take(1)[0] = value;

    public void WriteBoolean(bool value) => Take(1)[0] = value ? (byte)1 : (byte)0;

    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), value);

    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

    /// <summary>
    /// A decimal in as few bytes as it needs: one byte of scale (bits 0–4), sign (bit 7) and width (bit 6), then the mantissa,
    /// as an unsigned LEB128 when it fits 64 bits (a mark of 12.25 is 3 bytes), else its 12 bytes.
    /// </summary>
    public void WriteDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0x1F);
        var negative = bits[3] < 0;
        var wide = bits[2] != 0;
        WriteByte((byte)(scale | (negative ? 0x80 : 0) | (wide ? 0x40 : 0)));
        if (wide)
        {
            var span = Take(12);
            for (var i = 0; i < 3; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(span[(i * 4)..], bits[i]);
            }

            return;
        }

        WriteVarUInt64(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
    }

    /// <summary>A whole number as a zigzag LEB128: small values (enums, counts) in one byte.</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    private void WriteVarUInt64(ulong value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte((byte)value);
    }

    public void WriteGuid(Guid value) => value.TryWriteBytes(Take(16));

    public void WriteDate(DateOnly value) => WriteInt32(value.DayNumber);

    public void WriteTime(TimeOnly value) => WriteInt64(value.Ticks);

    public void WriteDateTime(DateTime value) => WriteInt64(value.ToBinary());

    public void WriteTimeSpan(TimeSpan value) => WriteInt64(value.Ticks);

    public void WriteTimestamp(DateTimeOffset value)
    {
        WriteInt64(value.UtcTicks);
        WriteInt32((int)value.Offset.TotalMinutes);
    }

    public void WriteCount(int count)
    {
        var value = (uint)count;
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte((byte)value);
    }

    public void WriteString(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max < 128)
        {
            // Short texts: written in place after a one-byte length.
            var span = Take(1 + max);
            var written = Encoding.UTF8.GetBytes(value, span[1..]);
            span[0] = (byte)written;
            _length -= max - written;
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        WriteCount(bytes);
        Encoding.UTF8.GetBytes(value, Take(bytes));
    }

    private Span<byte> Take(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
