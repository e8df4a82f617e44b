using Ent.Storage.Engines;

namespace Ent.Storage.Tests.Records;

/// <summary>Values are checked against their columns when a record is made, so that nothing bad reaches a store.</summary>
public sealed class RecordValidationTests
{
    private static readonly TableDefinition MarksTable = Marks.Table(Marks.V1);
    private static readonly Guid Assessment = Guid.CreateVersion7();

    [Fact]
    public void A_record_keeps_its_own_copy_of_bytes()
    {
        var source = new byte[] { 1, 2, 3 };
        var record = Packed.Table.NewRecord(Guid.CreateVersion7(), source, null);

        source[0] = 99;

        Assert.Equal(new byte[] { 1, 2, 3 }, record.GetBytes("marks").ToArray());
    }

    [Fact]
    public void Bytes_cannot_be_a_key()
    {
        var error = Assert.Throws<ArgumentException>(() => RecordSchema.Create("test.bad", s => s.Version(1, "x", v => v.CreateTable("t", t => t.Key(Column.Bytes("packed", 10))))));

        Assert.Contains("'packed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_cannot_be_indexed_or_filtered_on()
    {
        Assert.Throws<ArgumentException>(() => RecordSchema.Create("test.bad", s => s.Version(1, "x", v => v.CreateTable("t", t => t.Key(Column.Id("id")).Columns(Column.Bytes("packed", 10)).Index("packed")))));
        var error = Assert.Throws<ArgumentException>(() => RecordQuery.From(Packed.Table).Where("marks", new byte[] { 1 }));

        Assert.Contains("'marks'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Column.MaxBytesLength + 1)]
    public void A_bytes_column_needs_a_length_within_bounds(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Column.Bytes("packed", length));
    }

    [Fact]
    public void A_number_out_of_its_range_is_refused_naming_column_and_value()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Marks.Mark(Assessment, Guid.NewGuid(), Guid.NewGuid(), 21));

        Assert.Contains("test.grading/marks.score", error.Message, StringComparison.Ordinal);
        Assert.Contains("21", error.Message, StringComparison.Ordinal);
        Assert.Contains("[0, 20]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_its_limit_is_refused_with_its_length()
    {
        var error = Assert.Throws<ArgumentException>(() => Marks.Mark(Assessment, Guid.NewGuid(), Guid.NewGuid(), 10, comment: new string('x', 201)));

        Assert.Contains("201 characters is over the limit of 200", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_number_that_is_not_finite_is_refused(double score)
    {
        Assert.Throws<ArgumentException>(() => Marks.Mark(Assessment, Guid.NewGuid(), Guid.NewGuid(), score));
    }

    [Fact]
    public void Text_with_a_nul_character_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Marks.Mark(Assessment, Guid.NewGuid(), Guid.NewGuid(), 10, comment: "a\0b"));

        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_id_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Marks.Mark(Guid.Empty, Guid.NewGuid(), Guid.NewGuid(), 10));

        Assert.Contains("test.grading/marks.assessment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => MarksTable.NewRecord(Assessment, Guid.NewGuid(), Guid.NewGuid(), "twelve", false, null, Marks.Monday, new DateOnly(2026, 1, 1), 1L));

        Assert.Contains("\"twelve\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_in_a_required_column_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MarksTable.NewRecord(Assessment, Guid.NewGuid(), null, 12.0, false, null, Marks.Monday, new DateOnly(2026, 1, 1), 1L));
    }

    [Fact]
    public void The_wrong_number_of_values_is_refused_listing_the_columns()
    {
        var error = Assert.Throws<ArgumentException>(() => MarksTable.NewRecord(Assessment, Guid.NewGuid()));

        Assert.Contains("expects 9 values", error.Message, StringComparison.Ordinal);
        Assert.Contains("assessment, pupil, class", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_value_checks_it_too()
    {
        var mark = Marks.Mark(Assessment, Guid.NewGuid(), Guid.NewGuid(), 10);

        Assert.Throws<ArgumentOutOfRangeException>(() => mark.With("coefficient", 11L));
        Assert.Throws<ArgumentException>(() => mark.With("no_such_column", 1L));
    }

    [Fact]
    public void Integers_and_timestamps_are_stored_in_one_form()
    {
        var mark = MarksTable.NewRecord(Assessment, Guid.NewGuid(), Guid.NewGuid(), 12, false, null, new DateTimeOffset(2026, 11, 30, 9, 0, 0, 123, 456, TimeSpan.FromHours(1)).AddTicks(7), new DateOnly(2026, 1, 1), 2);

        Assert.Equal(12.0, mark["score"]);
        Assert.Equal(2L, mark["coefficient"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, 123, 456, TimeSpan.Zero), mark["recorded_at"]);
    }

    [Fact]
    public void A_change_set_refuses_the_same_key_twice()
    {
        var mark = Marks.Mark(Assessment, Guid.NewGuid(), Guid.NewGuid(), 10);

        var error = Assert.Throws<ArgumentException>(() => new RecordChanges().Insert(mark).Insert(mark.With("score", 11.0)));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_never_saved_cannot_be_updated()
    {
        Assert.Throws<ArgumentException>(() => new RecordChanges().Update(Marks.Mark(Assessment, Guid.NewGuid(), Guid.NewGuid(), 10)));
    }
}

/// <summary>How a record schema is declared.</summary>
public sealed class RecordSchemaTests
{
    [Fact]
    public void Versions_must_be_numbered_in_order_from_one()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RecordSchema.Create("test.x", s => s
            .Version(2, "Two", v => v.CreateTable("t", t => t.Key(Column.Id("id"))))));

        Assert.Contains("expected 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_column_added_later_needs_a_default()
    {
        var error = Assert.Throws<ArgumentException>(() => RecordSchema.Create("test.x", s => s
            .Version(1, "One", v => v.CreateTable("t", t => t.Key(Column.Id("id"))))
            .Version(2, "Two", v => v.AddColumn("t", Column.Integer("count")))));

        Assert.Contains("test.x/t.count", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Score")]
    [InlineData("1st")]
    [InlineData("row_version")]
    [InlineData("department_id")]
    [InlineData("drop table")]
    public void Column_names_are_checked(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => Column.Integer(name));
    }

    [Fact]
    public void The_latest_shape_of_each_table_is_what_the_schema_owns()
    {
        Assert.True(Marks.V2.Table("marks").Has("scale"));
        Assert.False(Marks.V2.Owns(Marks.V1.Table("marks")));
        Assert.Equal(2, Marks.V2.Version);
    }

    [Fact]
    public void Long_component_ids_still_give_postgresql_sized_table_names()
    {
        var component = "vendor." + new string('a', 90);
        var schema = RecordSchema.Create(component, s => s.Version(1, "One", v => v.CreateTable("assessment_marks", t => t.Key(Column.Id("id")))));

        Assert.InRange(schema.Table("assessment_marks").PhysicalName.Length, 1, 63);
        Assert.EndsWith("__assessment_marks", schema.Table("assessment_marks").PhysicalName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_can_change_its_limits_but_not_its_type()
    {
        Assert.Throws<ArgumentException>(() => RecordSchema.Create("test.x", s => s
            .Version(1, "One", v => v.CreateTable("t", t => t.Key(Column.Id("id")).Columns(Column.Integer("n", 0, 5))))
            .Version(2, "Two", v => v.ChangeLimits("t", Column.Number("n", 0, 10)))));
    }
}
