using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Ent.Storage.Engines;

namespace Ent.Storage.PostgreSql;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format straight into a buffer: one length-prefixed field per
/// column, big-endian, without a parameter object per value. The server parses this format natively.
/// </summary>
internal sealed class PostgreSqlCopyWriter : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;
    private static readonly long TimestampEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int DateEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    // The signature "PGCOPY\n\377\r\n\0", then no flags and no header extension.
    private static readonly byte[] Header = [.. "PGCOPY"u8, 0x0A, 0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _length;

    public PostgreSqlCopyWriter(Stream stream)
    {
        _stream = stream;
        Header.CopyTo(_buffer, 0);
        _length = Header.Length;
    }

    /// <summary>Writes one record's row: department, every column, version 1.</summary>
    public ValueTask WriteRowAsync(Guid department, Record record, CancellationToken cancellationToken)
    {
        var table = record.Table;
        var values = record.RawValues;
        StartRow(table.Columns.Length + 2);
        Write(ColumnType.Id, department);
        for (var i = 0; i < values.Length; i++)
        {
            Write(table.Columns[i].Type, values[i]);
        }

        Write(ColumnType.Integer, 1L);
        return EndRowAsync(cancellationToken);
    }

    /// <summary>Starts a row of <paramref name="fields"/> fields.</summary>
    public void StartRow(int fields)
    {
        Reserve(2);
        WriteInt16((short)fields);
    }

    /// <summary>Writes a field of a record column type (null as SQL NULL).</summary>
    public void Write(ColumnType type, object? value) => WriteValue(type, value);

    /// <summary>Writes a <c>smallint</c> field.</summary>
    public void WriteSmallInt(short value)
    {
        Reserve(6);
        WriteInt32(2);
        WriteInt16(value);
    }

    /// <summary>Writes a <c>jsonb</c> field: format version 1, then the JSON text in UTF-8.</summary>
    public void WriteJsonb(ReadOnlySpan<byte> utf8)
    {
        Reserve(5 + utf8.Length);
        WriteInt32(utf8.Length + 1);
        _buffer[_length++] = 1;
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    /// <summary>Ends a row: sends the buffer once it is nearly full.</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken) =>
        _length >= BufferSize - 4096 ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Writes the trailer and sends what is buffered.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Reserve(2);
        WriteInt16(-1);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        return ValueTask.CompletedTask;
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        _length = 0;
    }

    private void WriteValue(ColumnType type, object? value)
    {
        if (value is null)
        {
            Reserve(4);
            WriteInt32(-1);
            return;
        }

        switch (type)
        {
            case ColumnType.Id:
                Reserve(20);
                WriteInt32(16);
                ((Guid)value).TryWriteBytes(_buffer.AsSpan(_length, 16), bigEndian: true, out _);
                _length += 16;
                break;
            case ColumnType.Text:
                var text = (string)value;
                Reserve(4 + Encoding.UTF8.GetMaxByteCount(text.Length));
                var written = Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length + 4));
                WriteInt32(written);
                _length += written;
                break;
            case ColumnType.Integer:
                Reserve(12);
                WriteInt32(8);
                WriteInt64((long)value);
                break;
            case ColumnType.Number:
                Reserve(12);
                WriteInt32(8);
                BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_length), (double)value);
                _length += 8;
                break;
            case ColumnType.Boolean:
                Reserve(5);
                WriteInt32(1);
                _buffer[_length++] = (bool)value ? (byte)1 : (byte)0;
                break;
            case ColumnType.Timestamp:
                Reserve(12);
                WriteInt32(8);
                WriteInt64((((DateTimeOffset)value).UtcTicks - TimestampEpochTicks) / 10);
                break;
            case ColumnType.Date:
                Reserve(8);
                WriteInt32(4);
                WriteInt32(((DateOnly)value).DayNumber - DateEpochDay);
                break;
            case ColumnType.Bytes:
                var bytes = ((ReadOnlyMemory<byte>)value).Span;
                Reserve(4 + bytes.Length);
                WriteInt32(bytes.Length);
                bytes.CopyTo(_buffer.AsSpan(_length));
                _length += bytes.Length;
                break;
            default:
                throw new InvalidOperationException($"Unknown column type {type}.");
        }
    }

    private void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
        _length += 2;
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    private void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Makes room for <paramref name="bytes"/> more: grows the buffer for a field larger than it (a long text).</summary>
    private void Reserve(int bytes)
    {
        if (_length + bytes <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
