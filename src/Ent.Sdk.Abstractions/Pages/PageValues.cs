using System.Globalization;

namespace Ent.Sdk.Pages;

/// <summary>The values a route or a form binds: text, numbers, dates, GUIDs and Ent.Core's ids, as people type them in France.</summary>
internal static class PageValues
{
    /// <summary>Whether a route's or a form's parameter type can be bound.</summary>
    public static bool IsSupported(Type type, bool form)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner == typeof(string) || inner == typeof(Guid) || inner == typeof(int) || inner == typeof(long) || inner == typeof(decimal)
            || inner == typeof(bool) || inner == typeof(DateOnly) || GuidConstructor(inner) is not null
            || (form && (type == typeof(IReadOnlyDictionary<string, string>) || type == typeof(PostedFile)));
    }

    /// <summary>Converts a text to a parameter's type; false (and a null value) when the text does not read as one.</summary>
    public static bool TryConvert(string? text, Type type, out object? value)
    {
        value = null;
        var inner = Nullable.GetUnderlyingType(type);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (type == typeof(string))
            {
                value = text is null ? null : string.Empty;
                return true;
            }

            if (type == typeof(bool))
            {
                value = false; // an unticked box is not posted
                return true;
            }

            return inner is not null;
        }

        var target = inner ?? type;
        var trimmed = text.Trim();
        if (target == typeof(string))
        {
            value = text;
            return true;
        }

        if (target == typeof(bool))
        {
            value = trimmed is "on" or "true" or "1";
            return trimmed is "on" or "true" or "1" or "off" or "false" or "0";
        }

        if (target == typeof(int) && int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        if (target == typeof(long) && long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
        {
            value = big;
            return true;
        }

        if (target == typeof(decimal) && TryDecimal(trimmed, out var amount))
        {
            value = amount;
            return true;
        }

        if (target == typeof(DateOnly) && DateOnly.TryParseExact(trimmed, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            value = day;
            return true;
        }

        if ((target == typeof(Guid) || GuidConstructor(target) is not null) && Guid.TryParse(trimmed, out var guid))
        {
            value = target == typeof(Guid) ? guid : GuidConstructor(target)!.Invoke([guid]);
            return true;
        }

        return false;
    }

    /// <summary>A decimal written with a comma (French) or a point, without thousands separators.</summary>
    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static System.Reflection.ConstructorInfo? GuidConstructor(Type type) =>
        type.IsValueType && type.Namespace == "Ent.Core.Identifiers" ? type.GetConstructor([typeof(Guid)]) : null;
}
