using System.Globalization;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Core.Text;
using Ent.Sdk.Localization;

namespace Ent.Plugins.PersonalisedLearning.Pages;

/// <summary>How the pages say things, in the viewer's language.</summary>
internal sealed class LearningText(ILocalizedStrings strings, IOrganisationDirectory directory)
{
    public string T(string language, string key, params object?[] arguments) => strings.Get("learning", key, language, arguments);

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");

    public static string Say(LocalizedText text, string language) => text.For(Culture(language));

    public static int Percent(double value) => (int)Math.Round(value * 100);

    public string Name(PersonId person) => Paths.PathViews.NameOf(directory, person);
}
