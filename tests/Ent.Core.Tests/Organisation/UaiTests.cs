using Ent.Core.Organisation;

namespace Ent.Core.Tests.Organisation;

public sealed class UaiTests
{
    [Theory]
    [InlineData("0750655E")] // Lycée Louis-le-Grand, Paris
    [InlineData("0750655e")]
    [InlineData(" 0750655E ")]
    public void Accepts_a_uai_with_its_check_letter_in_canonical_form(string text)
    {
        Assert.Equal("0750655E", Uai.Parse(text).Value);
    }

    [Theory]
    [InlineData(0, 'A')]
    [InlineData(22, 'Z')]
    [InlineData(23, 'A')]
    [InlineData(750655, 'E')]
    public void Computes_the_check_letter_as_the_number_modulo_23_in_the_uai_alphabet(int number, char letter)
    {
        Assert.Equal(letter, Uai.CheckLetterFor(number));
    }

    [Fact]
    public void Refuses_a_wrong_check_letter_naming_the_value_and_the_expected_letter()
    {
        var error = Assert.Throws<FormatException>(() => Uai.Parse("0750655F"));

        Assert.Contains("'0750655F'", error.Message, StringComparison.Ordinal);
        Assert.Contains("requires 'E'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("075065E")]
    [InlineData("07506550E")]
    [InlineData("A750655E")]
    [InlineData("")]
    public void Refuses_what_is_not_seven_digits_and_a_letter(string text)
    {
        var error = Assert.Throws<FormatException>(() => Uai.Parse(text));

        Assert.Contains($"'{text}' is not a UAI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letters_I_O_and_Q_never_check_a_uai()
    {
        var letters = Enumerable.Range(0, 23).Select(Uai.CheckLetterFor).ToHashSet();

        Assert.DoesNotContain('I', letters);
        Assert.DoesNotContain('O', letters);
        Assert.DoesNotContain('Q', letters);
        Assert.Equal(23, letters.Count);
    }
}
