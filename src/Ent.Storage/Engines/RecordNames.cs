using System.Security.Cryptography;
using System.Text;

namespace Ent.Storage.Engines;

/// <summary>The naming rules of record tables and columns, and the physical names engines give them.</summary>
internal static class RecordNames
{
    /// <summary>The column every table carries for its owning department.</summary>
    public const string Department = "department_id";

    /// <summary>The column every table carries for optimistic concurrency.</summary>
    public const string Version = "row_version";

    private const int MaxPhysicalLength = 63; // PostgreSQL's identifier limit

    public static bool IsReserved(string name) => name is Department or Version;

    public static string CheckName(string name, string what)
    {
        if (string.IsNullOrEmpty(name) || name.Length > ColumnDefinition.MaxNameLength || !char.IsAsciiLetterLower(name[0])
            || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid {what} name: 1 to {ColumnDefinition.MaxNameLength} lower-case letters, digits or '_', starting with a letter.", nameof(name));
        }

        return name;
    }

    /// <summary>The physical table name: <c>r_{component}__{table}</c>, shortened with a hash past 63 characters.</summary>
    public static string Table(string component, string table)
    {
        var prefix = component.Replace('.', '_').Replace('-', '_');
        var name = $"r_{prefix}__{table}";
        if (name.Length <= MaxPhysicalLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(component)))[..8];
        var room = MaxPhysicalLength - table.Length - hash.Length - 5;
        return $"r_{prefix[..room]}_{hash}__{table}";
    }
}
