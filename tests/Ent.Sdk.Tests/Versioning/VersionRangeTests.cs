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
    [InlineData("*", "3.0.0-rc.1", true)]
    [InlineData("^0.1.0", "0.1.5", true)]
    [InlineData("^0.1.0", "0.9.0", false)] // below 1.0.0 the caret holds the minor version
    [InlineData("^0.1.0", "0.2.0", false)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^1.0.0", "2.0.0-beta.1", false)] // a pre-release of the next major is not in the range
    [InlineData("^1.0.0", "1.5.0-alpha", false)] // nor a pre-release inside it, unless a bound names that version's pre-release
    [InlineData("^1.0.0-beta.2", "1.0.0-beta.10", true)]
    [InlineData("^1.0.0-beta.2", "1.0.0-beta.1", false)]
    [InlineData("^1.0.0-beta.2", "1.1.0-alpha", false)]
    [InlineData("[1.0.0,2.0.0)", "1.5.0-alpha", false)]
    [InlineData("^2147483647.0.0", "2147483647.5.0", true)] // the upper bound (2147483648.0.0) does not overflow
    [InlineData("^2147483647.0.0", "2147483646.0.0", false)]
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
