using Ent.Sdk.Plugins;

namespace Ent.Sdk.Tests.Plugins;

public sealed class PluginManifestTests
{
    private const string Complete = """
        {
          "id": "acme.reading-club",
          "version": "2.1.0",
          "sdk": "^1.0.0",
          "assembly": "Acme.ReadingClub.dll",
          "name": { "fr": "Club de lecture", "en": "Reading club" },
          "description": { "fr": "Des lectures partagées.", "en": "Shared reading." },
          "dependencies": { "ent.grading": "^1.0.0" },
          "optionalDependencies": { "ent.attendance": "[1.0.0,3.0.0)" },
          "contracts": ["Acme.ReadingClub.Contracts.dll"]
        }
        """;

    [Fact]
    public void Reads_every_field_of_a_complete_manifest()
    {
        var manifest = PluginManifest.Parse(Complete, "plugin.json");

        Assert.Equal("acme.reading-club", manifest.Id);
        Assert.Equal("2.1.0", manifest.Version.ToString());
        Assert.Equal("^1.0.0", manifest.SdkVersions.ToString());
        Assert.Equal("Acme.ReadingClub.dll", manifest.Assembly);
        Assert.Equal(("Club de lecture", "Reading club"), (manifest.DisplayName.French, manifest.DisplayName.English));
        Assert.Equal("Shared reading.", manifest.Description.English);
        Assert.Collection(manifest.Dependencies,
            d => Assert.Equal(("ent.grading", false), (d.Id, d.Optional)),
            d => Assert.Equal(("ent.attendance", true), (d.Id, d.Optional)));
        Assert.Equal(["Acme.ReadingClub.Contracts.dll"], manifest.Contracts.ToArray());
    }

    [Fact]
    public void Uses_the_name_as_description_and_french_as_english_when_they_are_missing()
    {
        var manifest = PluginManifest.Parse("""{ "id": "a.b", "version": "1.0.0", "sdk": "^1.0.0", "name": { "fr": "Nom" } }""", "plugin.json");

        Assert.Equal(("Nom", "Nom"), (manifest.Description.French, manifest.DisplayName.English));
    }

    [Theory]
    [InlineData("""{ "version": "1.0.0", "sdk": "^1.0.0", "name": { "fr": "x" } }""", "'id' is required")]
    [InlineData("""{ "id": "Acme", "version": "1.0.0", "sdk": "^1.0.0", "name": { "fr": "x" } }""", "'Acme' is not a valid plugin id")]
    [InlineData("""{ "id": "a.b", "version": "one", "sdk": "^1.0.0", "name": { "fr": "x" } }""", "field 'version': 'one' is not a semantic version")]
    [InlineData("""{ "id": "a.b", "version": "1.0.0", "sdk": "~1", "name": { "fr": "x" } }""", "field 'sdk': '~1' is not a version range")]
    [InlineData("""{ "id": "a.b", "version": "1.0.0", "sdk": "^1.0.0" }""", "field 'name' is required")]
    [InlineData("""{ "id": "a.b", "version": "1.0.0", "sdk": "^1.0.0", "name": { "en": "x" } }""", "field 'name.fr' is required")]
    [InlineData("""{ "id": "a.b", "version": 1, "sdk": "^1.0.0", "name": { "fr": "x" } }""", "field 'version' must be a string, not number '1'")]
    [InlineData("""{ "id": "a.b", "version": "1.0.0", "sdk": "^1.0.0", "name": { "fr": "x" }, "assembly": "../evil.dll" }""", "not '../evil.dll'")]
    [InlineData("""{ "id": "a.b", "version": "1.0.0", "sdk": "^1.0.0", "name": { "fr": "x" }, "dependencies": ["c"] }""", "field 'dependencies' must be an object")]
    [InlineData("""{ "id": "a.b", "version": "1.0.0", "sdk": "^1.0.0", "name": { "fr": "x" }, "dependencies": { "c.d": "latest" } }""", "field 'dependencies.c.d': 'latest' is not a version range")]
    [InlineData("""{ "id": "a.b", "version": "1.0.0", "sdk": "^1.0.0", "name": { "fr": "x" }, "contracts": "A.Contracts.dll" }""", "field 'contracts' must be an array of .dll file names")]
    [InlineData("""{ "id": "a.b", "version": "1.0.0", "sdk": "^1.0.0", "name": { "fr": "x" }, "contracts": ["lib/A.Contracts.dll"] }""", "not 'lib/A.Contracts.dll'")]
    [InlineData("""{ "id": "a.b", """, "not valid JSON")]
    [InlineData("""[]""", "a manifest is a JSON object")]
    public void Refuses_a_bad_manifest_naming_the_source_the_field_and_the_value(string json, string expected)
    {
        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Parse(json, "plugins/acme/plugin.json"));

        Assert.StartsWith("plugins/acme/plugin.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
