using System.Security.Claims;
using Ent.Core.Access;
using Ent.Core.Calendar;
using Ent.Core.Identifiers;
using Ent.Core.Organisation;
using Ent.Sdk.Hosting;
using Ent.Sdk.Localization;
using Microsoft.AspNetCore.Http;

namespace Ent.Hosting.AspNetCore.Web;

/// <summary>
/// Who is signed in: the session's person, read again from the directory on every request (a person removed, or whose roles
/// ended, is signed out), their school (the one chosen, if they still hold a role there, else their first), and their language.
/// </summary>
internal sealed class EntViewers(IOrganisationDirectory directory, ILocalizedStrings strings, TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>The claim holding the person's id.</summary>
    public const string PersonClaim = "ent:person";

    /// <summary>The claim holding the chosen school's id.</summary>
    public const string SchoolClaim = "ent:school";

    /// <summary>The cookie holding the chosen language.</summary>
    public const string LanguageCookie = "ent.lang";

    /// <summary>The languages the host offers.</summary>
    public static readonly string[] Languages = ["fr", "en"];

    /// <summary>The signed-in viewer, or null when nobody is (or the session's person is no longer in the directory).</summary>
    public PageViewer? Resolve(HttpContext context)
    {
        var language = LanguageOf(context);
        if (context.User.FindFirstValue(PersonClaim) is not { } claimed || !Guid.TryParse(claimed, out var id) || directory.FindPerson(new PersonId(id)) is not { } person)
        {
            return null;
        }

        var schools = SchoolsOf(person.Id);
        var chosen = context.User.FindFirstValue(SchoolClaim) is { } school && Guid.TryParse(school, out var schoolId) ? schools.FirstOrDefault(s => s.Id.Value == schoolId) : null;
        return new PageViewer(new Actor(person.Id, person.Department), chosen ?? schools.FirstOrDefault(), language);
    }

    /// <summary>The schools where a person holds a role today, in the directory's order.</summary>
    public IReadOnlyList<School> SchoolsOf(PersonId person)
    {
        var today = SchoolTime.Today(time, zone);
        return [.. directory.RolesOf(person)
            .Where(a => a.Validity.Contains(today) && a.Scope.School is not null)
            .Select(a => a.Scope.School!.Value)
            .Distinct()
            .Select(directory.FindSchool)
            .OfType<School>()];
    }

    /// <summary>The roles a person holds today, for the layout.</summary>
    public IReadOnlyList<Role> RolesOf(PersonId person)
    {
        var today = SchoolTime.Today(time, zone);
        return [.. directory.RolesOf(person).Where(a => a.Validity.Contains(today)).Select(a => a.Role).Distinct()];
    }

    /// <summary>The person's name as the layout shows it.</summary>
    public string NameOf(PersonId person) => directory.FullNameOf(person);

    /// <summary>The viewer's language: the one they chose, else the department's (French first).</summary>
    public string LanguageOf(HttpContext context) =>
        context.Request.Cookies.TryGetValue(LanguageCookie, out var chosen) && Languages.Contains(chosen) ? chosen! : strings.DefaultLanguage;
}
