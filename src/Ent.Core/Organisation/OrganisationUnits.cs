using Ent.Core.Identifiers;

namespace Ent.Core.Organisation;

/// <summary>A department (conseil départemental): the tenant that runs the ENT for its collèges.</summary>
/// <param name="Id">The department's identifier.</param>
/// <param name="Code">Its official code, e.g. <c>93</c> for Seine-Saint-Denis.</param>
/// <param name="Name">Its name.</param>
public sealed record Department(DepartmentId Id, string Code, string Name)
{
    /// <summary>The official code.</summary>
    public string Code { get; init; } = Guard.Name(Code, "department code", OrganisationLimits.MaxCodeLength);

    /// <summary>The name.</summary>
    public string Name { get; init; } = Guard.Name(Name, "department name", OrganisationLimits.MaxNameLength);
}

/// <summary>A school (établissement) of a department.</summary>
/// <param name="Id">The school's identifier.</param>
/// <param name="Department">The department it belongs to.</param>
/// <param name="Uai">Its national UAI code.</param>
/// <param name="Name">Its usual name.</param>
public sealed record School(SchoolId Id, DepartmentId Department, Uai Uai, string Name)
{
    /// <summary>The usual name.</summary>
    public string Name { get; init; } = Guard.Name(Name, "school name", OrganisationLimits.MaxNameLength);

    /// <summary>The postal address, as school documents print it (e.g. <c>12 rue de la République, 93200 Saint-Denis</c>), or null.</summary>
    public string? Address { get; init => field = value is null ? null : Guard.Name(value, "school address", OrganisationLimits.MaxAddressLength); }
}

/// <summary>A class (division), e.g. "5e B", for one academic year.</summary>
/// <param name="Id">The class's identifier.</param>
/// <param name="School">The school it belongs to.</param>
/// <param name="Year">The academic year.</param>
/// <param name="Name">Its name.</param>
public sealed record SchoolClass(ClassId Id, SchoolId School, AcademicYearId Year, string Name)
{
    /// <summary>The name.</summary>
    public string Name { get; init; } = Guard.Name(Name, "class name", OrganisationLimits.MaxNameLength);
}

/// <summary>A teaching group (groupe), e.g. "4e Latin", for one academic year.</summary>
/// <param name="Id">The group's identifier.</param>
/// <param name="School">The school it belongs to.</param>
/// <param name="Year">The academic year.</param>
/// <param name="Name">Its name.</param>
public sealed record TeachingGroup(GroupId Id, SchoolId School, AcademicYearId Year, string Name)
{
    /// <summary>The name.</summary>
    public string Name { get; init; } = Guard.Name(Name, "group name", OrganisationLimits.MaxNameLength);
}

/// <summary>A person known to a department.</summary>
/// <param name="Id">The person's identifier.</param>
/// <param name="Department">The department whose directory holds the person.</param>
/// <param name="GivenName">The given name.</param>
/// <param name="FamilyName">The family name.</param>
public sealed record Person(PersonId Id, DepartmentId Department, string GivenName, string FamilyName)
{
    /// <summary>The given name.</summary>
    public string GivenName { get; init; } = Guard.Name(GivenName, "given name", OrganisationLimits.MaxNameLength);

    /// <summary>The family name.</summary>
    public string FamilyName { get; init; } = Guard.Name(FamilyName, "family name", OrganisationLimits.MaxNameLength);

    /// <summary>
    /// The person's identifier at the department's identity provider (the académie's or ÉduConnect's OpenID Connect
    /// subject), by which a sign-in finds them; unique in the department, or null for a person who does not sign in so.
    /// </summary>
    public string? ExternalId { get; init => field = value is null ? null : Guard.Name(value, "external id", OrganisationLimits.MaxExternalIdLength); }

    /// <summary>"Given FAMILY", as French school documents print names.</summary>
    public string DisplayName => $"{GivenName} {FamilyName.ToUpperInvariant()}";
}

/// <summary>A legal guardian's relation to a learner.</summary>
/// <param name="Guardian">The parent or legal guardian.</param>
/// <param name="Learner">The learner.</param>
public sealed record Guardianship(PersonId Guardian, PersonId Learner);

/// <summary>The lengths the directory's names are kept to, here and in every store.</summary>
public static class OrganisationLimits
{
    /// <summary>The longest postal address a school may have.</summary>
    public const int MaxAddressLength = 300;

    /// <summary>The longest external id (an identity provider's subject) a person may have.</summary>
    public const int MaxExternalIdLength = 200;

    /// <summary>The longest name of a department, school, class, group or person: 200 characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest department code: 50 characters.</summary>
    public const int MaxCodeLength = 50;
}

internal static class Guard
{
    public static string Name(string value, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {what} cannot be empty (got '{value}').", what);
        }

        return value.Length <= maxLength
            ? value
            : throw new ArgumentException($"The {what} '{value[..Math.Min(40, value.Length)]}…' has {value.Length} characters; at most {maxLength} are kept.", what);
    }
}
