using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Ent.Sdk.Pages;

/// <summary>Binds route values and form fields to a page's records, and validates forms with their DataAnnotations attributes.</summary>
internal static class PageBinder
{
    /// <summary>A record's constructor, its parameters and each one's validation attributes, read once per type (every request binds).</summary>
    private sealed record Shape(ConstructorInfo Constructor, ParameterInfo[] Parameters, ValidationAttribute[][] Validations);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Shape> Shapes = new();

    private static Shape ShapeOf(Type type) => Shapes.GetOrAdd(type, static t =>
    {
        var constructor = PageRoutes.ConstructorOf(t);
        var parameters = constructor.GetParameters();
        var validations = parameters.Select(p => p.GetCustomAttributes<ValidationAttribute>(inherit: true)
            .Concat(t.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.GetCustomAttributes<ValidationAttribute>(inherit: true) ?? [])
            .ToArray()).ToArray();
        return new Shape(constructor, parameters, validations);
    });

    /// <summary>Binds a route's values; false when one is missing or does not read as its type (the page is then not found).</summary>
    public static bool TryBindRoute(Type routeType, IReadOnlyDictionary<string, string?> values, out object route)
    {
        route = NoRouteValues.Instance;
        if (routeType == typeof(NoRouteValues))
        {
            return true;
        }

        var (constructor, parameters, _) = ShapeOf(routeType);
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var text = values.FirstOrDefault(v => string.Equals(v.Key, parameters[i].Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (string.IsNullOrEmpty(text) || !PageValues.TryConvert(text, parameters[i].ParameterType, out arguments[i]) || arguments[i] is null)
            {
                return false;
            }
        }

        route = constructor.Invoke(arguments);
        return true;
    }

    /// <summary>Binds a form's fields and validates them: the form, or the errors naming each field and value.</summary>
    public static (object? Form, IReadOnlyList<FormError> Errors) BindForm(Type formType, IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, PostedFile> files, string language)
    {
        var (constructor, parameters, validations) = ShapeOf(formType);
        var arguments = new object?[parameters.Length];
        var errors = new List<FormError>();
        var english = language == "en";
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var member = parameter.Name!;
            // Errors name the field as the form posts it (its key, else the parameter's name in camel case).
            var name = fields.Keys.FirstOrDefault(k => string.Equals(k, member, StringComparison.OrdinalIgnoreCase)) ?? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member);
            if (parameter.ParameterType == typeof(IReadOnlyDictionary<string, string>))
            {
                arguments[i] = Entries(fields, name);
            }
            else if (parameter.ParameterType == typeof(PostedFile))
            {
                // A file field: the file chosen, or null when none was (an empty file is none).
                arguments[i] = files.FirstOrDefault(f => string.Equals(f.Key, member, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } file ? file : null;
            }
            else
            {
                var text = fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
                if (!PageValues.TryConvert(text, parameter.ParameterType, out arguments[i]))
                {
                    errors.Add(new FormError(name, string.IsNullOrWhiteSpace(text)
                        ? (english ? $"{name}: a value is required." : $"{name} : une valeur est requise.")
                        : (english ? $"{name}: '{text}' is not {KindOf(parameter.ParameterType, english)}." : $"{name} : « {text} » n'est pas {KindOf(parameter.ParameterType, english)}.")));
                    continue;
                }
            }

            foreach (var attribute in validations[i])
            {
                var context = new ValidationContext(fields) { MemberName = name, DisplayName = name };
                if (attribute.GetValidationResult(arguments[i], context) is { } failed && failed != ValidationResult.Success)
                {
                    errors.Add(new FormError(name, failed.ErrorMessage ?? (english ? $"{name} is not valid." : $"{name} n'est pas valide.")));
                }
            }
        }

        return errors.Count > 0 ? (null, errors) : (constructor.Invoke(arguments), []);
    }

    /// <summary>The fields named <c>name[key]</c>, by key.</summary>
    private static Dictionary<string, string> Entries(IReadOnlyDictionary<string, string> fields, string name)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in fields)
        {
            if (field.Length > name.Length + 2 && field.StartsWith(name, StringComparison.OrdinalIgnoreCase) && field[name.Length] == '[' && field[^1] == ']')
            {
                entries[field[(name.Length + 1)..^1]] = value;
            }
        }

        return entries;
    }

    private static string KindOf(Type type, bool english)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner == typeof(int) || inner == typeof(long) ? (english ? "a whole number" : "un nombre entier")
            : inner == typeof(decimal) ? (english ? "a number" : "un nombre")
            : inner == typeof(DateOnly) ? (english ? "a date (yyyy-mm-dd)" : "une date (aaaa-mm-jj)")
            : inner == typeof(bool) ? (english ? "yes or no" : "oui ou non")
            : (english ? "an identifier" : "un identifiant");
    }
}
