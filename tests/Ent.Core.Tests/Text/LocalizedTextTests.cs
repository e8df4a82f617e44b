using System.Globalization;
using Ent.Core.Text;

namespace Ent.Core.Tests.Text;

public sealed class LocalizedTextTests
{
    [Fact]
    public void Gives_english_to_an_english_culture_and_french_to_any_other()
    {
        var text = new LocalizedText("Bonjour", "Hello");

        Assert.Equal("Hello", text.For(new CultureInfo("en-GB")));
        Assert.Equal("Bonjour", text.For(new CultureInfo("fr-FR")));
        Assert.Equal("Bonjour", text.For(new CultureInfo("de-DE")));
    }

    [Fact]
    public void French_is_required()
    {
        Assert.Throws<ArgumentException>(() => new LocalizedText(" ", "Hello"));
    }
}
