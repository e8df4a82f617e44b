using Ent.Storage.Documents.Codec;

namespace Ent.Storage.Tests.Documents;

/// <summary>The store's codec writes values in as few bytes as they need and reads back exactly what it wrote.</summary>
public sealed class DocumentCodecTests
{
    public enum Signed : long
    {
        Lowest = long.MinValue,
        Minus = -3,
        Zero = 0,
        Highest = long.MaxValue,
    }

    public sealed record Values(decimal Amount, decimal? Maybe, Signed Kind, int Count);

    public static TheoryData<decimal> Decimals => new()
    {
        0m, -0.01m, 12.25m, 20m, 20.00m, 1e-28m, decimal.MaxValue, decimal.MinValue, 18_446_744_073_709_551_615m, 18_446_744_073_709_551_616m, -79_228_162_514.264337593543950335m,
    };

    [Theory]
    [MemberData(nameof(Decimals))]
    public void A_decimal_is_read_back_exactly_with_its_scale(decimal value)
    {
        var read = RoundTrip(new Values(value, value, Signed.Minus, 1));

        Assert.Equal(value, read.Amount);
        Assert.Equal(value.Scale, read.Amount.Scale); // 20 and 20.00 are not the same text on a report card
        Assert.Equal(value, read.Maybe);
    }

    [Theory]
    [InlineData(Signed.Lowest)]
    [InlineData(Signed.Minus)]
    [InlineData(Signed.Zero)]
    [InlineData(Signed.Highest)]
    public void An_enum_is_read_back_whatever_its_value(Signed kind) => Assert.Equal(kind, RoundTrip(new Values(1m, null, kind, 0)).Kind);

    [Fact]
    public void A_mark_like_value_takes_a_few_bytes_not_sixteen()
    {
        var writer = new BodyWriter();

        ValueCodec<Values>.Write(writer, new Values(12.25m, null, Signed.Zero, 7));

        Assert.True(writer.Written.Length <= 1 + 3 + 1 + 1 + 4, $"{writer.Written.Length} bytes");
    }

    [Fact]
    public void A_body_cut_short_is_refused_not_misread()
    {
        var writer = new BodyWriter();
        ValueCodec<Values>.Write(writer, new Values(12.25m, 3m, Signed.Minus, 7));
        var cut = writer.Written[..^2].ToArray();

        Assert.Throws<InvalidDataException>(() => ValueCodec<Values>.Read(new BodyReader(cut)));
    }

    public sealed record Unsigned(ulong Mask, uint Count, ushort Small, sbyte Signed);

    public sealed record WithChar(char Letter);

    [Theory]
    [InlineData(0UL)]
    [InlineData(0x3FFF_FFFF_FFFF_FFFFUL)]
    [InlineData(ulong.MaxValue)]
    public void Unsigned_integers_are_read_back_whole_their_highest_bit_included(ulong mask)
    {
        var writer = new BodyWriter();
        ValueCodec<Unsigned>.Write(writer, new Unsigned(mask, uint.MaxValue, ushort.MaxValue, sbyte.MinValue));

        var read = ValueCodec<Unsigned>.Read(new BodyReader(writer.ToArray()));

        Assert.Equal(new Unsigned(mask, uint.MaxValue, ushort.MaxValue, sbyte.MinValue), read);
    }

    [Fact]
    public void A_number_type_the_store_does_not_keep_is_refused_naming_the_member_rather_than_written_empty()
    {
        var error = Assert.Throws<NotSupportedException>(() => DocumentShape.Describe(typeof(WithChar)));

        Assert.Contains("Letter", error.Message);
        Assert.Contains("System.Char", error.Message);
    }

    private static Values RoundTrip(Values values)
    {
        var writer = new BodyWriter();
        ValueCodec<Values>.Write(writer, values);
        var reader = new BodyReader(writer.ToArray());
        var read = ValueCodec<Values>.Read(reader);
        Assert.True(reader.AtEnd);
        return read;
    }
}
