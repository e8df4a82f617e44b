using Ent.Sdk.Versioning;

namespace Ent.Sdk.Tests.Versioning;

public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("1.2.3", 1, 2, 3, "")]
    [InlineData("0.0.0", 0, 0, 0, "")]
    [InlineData("10.20.30-beta.2", 10, 20, 30, "beta.2")]
    [InlineData("1.0.0-rc.1+build.5", 1, 0, 0, "rc.1")]
    public void Parses_major_minor_patch_and_pre_release(string text, int major, int minor, int patch, string preRelease)
    {
        var version = SemanticVersion.Parse(text);

        Assert.Equal((major, minor, patch, preRelease), (version.Major, version.Minor, version.Patch, version.PreRelease));
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3")]
    [InlineData("1.2.x")]
    [InlineData("1.2.3-")]
    [InlineData("v1.2.3")]
    [InlineData("2147483648.0.0")] // above the largest part Ent keeps
    [InlineData("1.0.0-beta.01")] // a numeric identifier with a leading zero
    public void Refuses_what_is_not_a_semantic_version_naming_the_text(string text)
    {
        var error = Assert.Throws<FormatException>(() => SemanticVersion.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.9.0", "1.10.0")]
    [InlineData("1.10.0", "2.0.0")]
    [InlineData("1.0.0-beta.2147483647", "1.0.0-beta.2147483648")] // numeric identifiers of any size compare as numbers
    [InlineData("1.0.0-rc.99999999999999999999", "1.0.0-rc.100000000000000000000")]
    [InlineData("1.0.0-rc.99999999999999999999999", "1.0.0-rc.a")] // numbers rank below text
    public void Orders_versions_as_semver_specifies(string lower, string higher)
    {
        Assert.True(SemanticVersion.Parse(lower) < SemanticVersion.Parse(higher));
    }

    [Fact]
    public void Ignores_build_metadata_in_equality()
    {
        Assert.Equal(SemanticVersion.Parse("1.2.3+a"), SemanticVersion.Parse("1.2.3+b"));
    }
}
