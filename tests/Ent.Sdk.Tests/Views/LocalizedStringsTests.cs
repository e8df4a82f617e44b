using Ent.Sdk.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ent.Sdk.Tests.Views;

/// <summary>French and English texts per area, French by default, formatted with the language's culture.</summary>
public sealed class LocalizedStringsTests
{
    [Fact]
    public void French_is_the_default_language()
    {
        using var host = ViewHost.Create();

        Assert.Equal("fr", host.Strings.DefaultLanguage);
        Assert.Equal("Moyenne", host.Strings.Get("specs", "average"));
        Assert.Equal("Average", host.Strings.Get("specs", "average", "en"));
    }

    [Fact]
    public void Values_are_formatted_with_the_languages_culture()
    {
        using var host = ViewHost.Create();

        Assert.Equal("Moyenne générale : 12,5", host.Strings.Get("specs", "overall", "fr", 12.5m));
        Assert.Equal("Overall average: 12.5", host.Strings.Get("specs", "overall", "en", 12.5m));
    }

    [Fact]
    public void A_regional_language_falls_back_to_its_neutral_texts()
    {
        using var host = ViewHost.Create();

        Assert.Equal("Moyenne générale : 12,5", host.Strings.Get("specs", "overall", "fr-FR", 12.5m));
    }

    [Fact]
    public void A_key_missing_in_english_falls_back_to_the_default_language_and_is_reported()
    {
        using var host = ViewHost.Create();

        Assert.Equal("Seulement en français", host.Strings.Get("specs", "only-in-french", "en"));
        Assert.Contains(host.Catalog.Diagnostics, d => d.Template == "strings:specs" && d.Message.Contains("'en' has no text for 1 key(s): only-in-french", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_missing_everywhere_is_an_error_naming_area_key_and_languages()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<KeyNotFoundException>(() => host.Strings.Get("specs", "nope", "en"));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'specs'", error.Message, StringComparison.Ordinal);
        Assert.Contains("en, fr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_that_do_not_fit_the_values_are_an_error_naming_the_key()
    {
        using var host = ViewHost.Create();

        var error = Assert.Throws<FormatException>(() => host.Strings.Get("specs", "letter.body", "fr", "Inès"));

        Assert.Contains("specs:letter.body", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("FR")]
    [InlineData("")]
    public void An_invalid_default_language_fails_at_start_naming_it(string language)
    {
        var services = new ServiceCollection();
        services.AddEnt();
        services.Configure<ViewOptions>(o => o.DefaultLanguage = language);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ViewOptions>>().Value);

        Assert.Contains($"'{language}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_builder_refuses_an_invalid_default_language()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddEnt(e => e.UseDefaultLanguage("xx-yy")));
    }
}
