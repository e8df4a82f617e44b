using System.Text.Json;
using Ent.Core.Courses;
using Ent.Core.Identifiers;
using Ent.Storage.Events;
using Ent.Storage.Engines;

namespace Ent.Storage.Core;

/// <summary>
/// Courses in the host's storage engine (<see cref="CoreSchemas.Courses"/>): a course is written whole, as
/// one JSON document with its sequences and activities. Saving replaces the stored course; if another
/// writer saved it between the read and the write, the save fails with a <see cref="RecordConflictException"/>.
/// </summary>
/// <param name="stores">The record stores.</param>
internal sealed class StoredCourseCatalog(IRecordStores stores) : ICourseCatalog
{
    /// <summary>The longest course document, in JSON characters.</summary>
    public const int MaxDocumentLength = Column.MaxTextLength;

    private static readonly TableDefinition Table = CoreSchemas.Courses.Table("courses");
    private static readonly JsonSerializerOptions Json = new() { Converters = { new EntityIdJsonConverterFactory() } };
    private readonly IRecordStore _store = stores.For(CoreSchemas.Courses);

    /// <inheritdoc />
    public async Task SaveAsync(DepartmentId department, Course course, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(course);
        var document = JsonSerializer.Serialize(course, Json);
        if (document.Length > MaxDocumentLength)
        {
            throw new ArgumentException($"Course '{course.Title}' ({course.Id.Value}) takes {document.Length} characters, over the limit of {MaxDocumentLength}; nothing was written.", nameof(course));
        }

        var stored = await _store.FindAsync(department, Table.Key(course.Id.Value), cancellationToken).ConfigureAwait(false);
        var changes = stored is null
            ? new RecordChanges().Insert(Table.NewRecord(course.Id.Value, course.School.Value, course.Title, document))
            : new RecordChanges().Update(stored.With("school", course.School.Value).With("title", course.Title).With("document", document));
        await _store.SaveAsync(department, changes, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Course?> FindAsync(DepartmentId department, CourseId id, CancellationToken cancellationToken = default)
    {
        var stored = await _store.FindAsync(department, Table.Key(id.Value), cancellationToken).ConfigureAwait(false);
        return stored is null ? null : JsonSerializer.Deserialize<Course>(stored.GetText("document"), Json);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Course?>> FindManyAsync(DepartmentId department, IReadOnlyList<CourseId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var stored = await _store.FindManyAsync(department, [.. ids.Select(id => Table.Key(id.Value))], cancellationToken).ConfigureAwait(false);
        return [.. stored.Select(record => record is null ? null : JsonSerializer.Deserialize<Course>(record.GetText("document"), Json))];
    }

    public async Task<IReadOnlyList<Course>> ListAsync(DepartmentId department, SchoolId school, CancellationToken cancellationToken = default)
    {
        var stored = await _store.QueryAsync(department, RecordQuery.From(Table).Where("school", school.Value), cancellationToken).ConfigureAwait(false);
        return [.. stored.Select(record => JsonSerializer.Deserialize<Course>(record.GetText("document"), Json)!)];
    }
}
