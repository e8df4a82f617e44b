using Ent.Sdk.Versioning;

namespace Ent.Sdk.Tests.Versioning;

public sealed class VersionRangeTests
{
    [Theory]
    [InlineData("^1.2.0", "1.2.0", true)]
    [InlineData("^1.2.0", "1.9.4", true)]
    [InlineData("^1.2.0", "1.1.9", false)]
    [InlineData("^1.2.0", "2.0.0", false)]
    [InlineData("[1.0.0,2.0.0)", "1.0.0", true)]
    [InlineData("[1.0.0,2.0.0)", "2.0.0", false)]
    [InlineData("(1.0.0,2.0.0]", "1.0.0", false)]
    [InlineData("(1.0.0,2.0.0]", "2.0.0", true)]
    [InlineData("[1.5.0,]", "9.0.0", true)]
    [InlineData("[,1.5.0)", "1.4.9", true)]
    [InlineData("[1.2.3]", "1.2.3", true)]
    [InlineData("[1.2.3]", "1.2.4", false)]
    [InlineData("1.2.0", "1.2.0", true)]
    [InlineData("1.2.0", "7.0.0", true)]
    [InlineData("1.2.0", "1.1.0", false)]
    [InlineData("*", "0.0.1", true)]
    public void Includes_the_versions_its_notation_describes(string range, string version, bool included)
    {
        Assert.Equal(included, VersionRange.Parse(range).Includes(SemanticVersion.Parse(version)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("^x")]
    [InlineData("[1.0.0,2.0.0")]
    [InlineData("[2.0.0,1.0.0]")]
    [InlineData("(1.0.0)")]
    public void Refuses_a_malformed_range_naming_it(string text)
    {
        var error = Assert.Throws<FormatException>(() => VersionRange.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }
}
