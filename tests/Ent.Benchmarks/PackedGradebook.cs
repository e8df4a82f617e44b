using System.Buffers.Binary;
using Ent.Storage.Engines;
using Record = Ent.Storage.Engines.Record;

namespace Ent.Benchmarks;

/// <summary>
/// The gradebook layout the grading component will use: one record per assessment, its class's marks
/// packed in a bytes column (16 bytes of pupil id and 8 of score per mark, NaN for no score). Saving an
/// assessment writes one record; reading a class's gradebook reads 300 records instead of 10,500 rows.
/// </summary>
internal static class PackedGradebook
{
    private const int MarkSize = 24;

    public static readonly RecordSchema Schema = RecordSchema.Create("bench.gradebook", schema => schema
        .Version(1, "Assessments with their marks packed, keyed by class first, as the gradebook reads them", v => v.CreateTable("assessments", t => t
            .Key(Column.Id("class"), Column.Id("assessment"))
            .Columns(
                Column.Text("subject", 40),
                Column.Number("coefficient", 0, 10),
                Column.Timestamp("recorded_at"),
                Column.Bytes("marks", 60 * MarkSize)))));

    public static TableDefinition Assessments => Schema.Table("assessments");

    /// <summary>A class's 300 assessments (10 subjects × 30), 35 marks each.</summary>
    public static Record[] Gradebook(Guid @class, IReadOnlyList<Guid> pupils) =>
        [.. Enumerable.Range(0, 300).Select(n => Assessments.NewRecord(
            @class, Guid.CreateVersion7(), MarkData.Subjects[n % MarkData.Subjects.Length], 1.0, MarkData.Start.AddMinutes(n),
            Pack([.. pupils.Select((pupil, i) => (pupil, i % 7 == 6 ? (double?)null : (n + i) % 21))])))];

    public static byte[] Pack(IReadOnlyList<(Guid Pupil, double? Score)> marks)
    {
        var bytes = new byte[marks.Count * MarkSize];
        for (var i = 0; i < marks.Count; i++)
        {
            var slot = bytes.AsSpan(i * MarkSize, MarkSize);
            marks[i].Pupil.TryWriteBytes(slot, bigEndian: true, out _);
            BinaryPrimitives.WriteDoubleLittleEndian(slot[16..], marks[i].Score ?? double.NaN);
        }

        return bytes;
    }

    /// <summary>Reads one assessment's marks into <paramref name="into"/>; returns how many.</summary>
    public static int Unpack(ReadOnlySpan<byte> packed, List<(Guid Pupil, double? Score)> into)
    {
        var count = packed.Length / MarkSize;
        for (var i = 0; i < count; i++)
        {
            var slot = packed.Slice(i * MarkSize, MarkSize);
            var score = BinaryPrimitives.ReadDoubleLittleEndian(slot[16..]);
            into.Add((new Guid(slot[..16], bigEndian: true), double.IsNaN(score) ? null : score));
        }

        return count;
    }
}
