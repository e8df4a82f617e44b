using System.Collections.Immutable;
using Ent.Core.Identifiers;
using Ent.Storage.Documents;

namespace Ent.Storage.Tests.Documents;

public enum Kind
{
    Written,
    Oral,
}

/// <summary>A mark inside a document: a value type of two members.</summary>
public readonly record struct Entry(PersonId Pupil, decimal? Points);

/// <summary>A document with every kind of member the store serialises.</summary>
public sealed record Sheet(
    CourseId Course, Guid Id, ClassId Class, PeriodId Period, string Title, DateOnly Date, DateTimeOffset At, Kind Kind, decimal Coefficient, bool Published,
    ImmutableArray<Entry> Entries, IReadOnlyDictionary<PersonId, string> Comments, IReadOnlyList<string> Tags, Sheet.Note? Footer, int? Rank)
{
    public sealed record Note(string Text, PersonId Author);
}

/// <summary>A period's closure for a class: found absent by writers, created by the head of school.</summary>
public sealed record Closure(ClassId Class, PeriodId Period, PersonId ClosedBy);

/// <summary>Version 1 of a note.</summary>
public sealed record NoteV1(Guid Id, ClassId Class, string Text, int Stars);

/// <summary>Version 2 of a note: Text renamed Body, stars doubled (out of 10), an author added and indexed.</summary>
public sealed record Note(Guid Id, ClassId Class, string Body, int Stars, PersonId? Author);

/// <summary>Version 1 of a note whose type changed without a new version.</summary>
public sealed record NoteChanged(Guid Id, ClassId Class, string Text, long Stars);

internal static class SampleDocuments
{
    public const string Owner = "test.docs";

    public static readonly DocumentType<Sheet> Sheets = DocumentTypes.Create<Sheet>(Owner, "sheets", d => d
        .Key(s => new { s.Course, s.Id })
        .Index(s => new { s.Class, s.Period })
        .Index(s => new { s.Kind, s.Course })); // an index may name a key member too

    public static readonly DocumentType<Closure> Closures = DocumentTypes.Create<Closure>(Owner, "closures", d => d.Key(c => new { c.Class, c.Period }));

    public static readonly DocumentType<NoteV1> NotesV1 = DocumentTypes.Create<NoteV1>(Owner, "notes", d => d.Key(n => n.Id).Index(n => n.Class));

    public static readonly DocumentType<Note> NotesV2 = DocumentTypes.Create<Note>(Owner, "notes", d => d
        .Key(n => n.Id)
        .Index(n => n.Class)
        .Index(n => n.Author, since: 2)
        .Upgrade<NoteV1, Note>(1, old => new Note(old.Id, old.Class, old.Text, old.Stars * 2, null)));

    public static readonly DocumentType<NoteChanged> NotesChanged = DocumentTypes.Create<NoteChanged>(Owner, "notes", d => d.Key(n => n.Id).Index(n => n.Class));

    public static DocumentType[] All => [Sheets, Closures];

    public static Sheet Sheet(CourseId course, ClassId @class, PeriodId period, int n = 0, Kind kind = Kind.Written) => new(
        course, Guid.CreateVersion7(), @class, period, $"Contrôle n°{n} — fractions ½ ✓", new DateOnly(2026, 11, 23).AddDays(n % 20),
        new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.FromHours(1)).AddMinutes(n), kind, 1.5m, n % 2 == 0,
        [new Entry(PersonId.New(), 12.25m), new Entry(PersonId.New(), null)],
        new Dictionary<PersonId, string> { [PersonId.New()] = "Très bien" },
        ["écrit", "calculatrice"], n % 3 == 0 ? null : new Sheet.Note("Rendu en retard", PersonId.New()), n % 4 == 0 ? null : n);
}
