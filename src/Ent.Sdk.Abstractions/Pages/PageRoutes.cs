using System.Reflection;
using System.Text.RegularExpressions;
using Ent.Core.Access;

namespace Ent.Sdk.Pages;

/// <summary>Checks a page's route template against its types when a plugin registers it.</summary>
internal static partial class PageRoutes
{
    /// <summary>The route's placeholders, in order.</summary>
    public static IReadOnlyList<string> Placeholders(string route) =>
        [.. route.Split('/').Where(s => s.StartsWith('{')).Select(s => s[1..^1])];

    public static PageRegistration Register(string? pluginId, Type pageType, string route, Capability capability, PageNavigation? navigation)
    {
        ArgumentNullException.ThrowIfNull(route);
        var (routeType, formType) = TypesOf(pageType);
        var segments = route.Split('/');
        if (route.Length == 0 || !Literal().IsMatch(segments[0]))
        {
            throw new ArgumentException($"The route '{route}' of {pageType.Name} must start with a segment of lower-case letters, digits and '-' (e.g. grading/courses), without a leading slash.", nameof(route));
        }

        foreach (var segment in segments)
        {
            if (!Literal().IsMatch(segment) && !Placeholder().IsMatch(segment))
            {
                throw new ArgumentException($"The segment '{segment}' of the route '{route}' ({pageType.Name}) is neither lower-case letters, digits and '-' nor a {{placeholder}} named like a parameter.", nameof(route));
            }
        }

        var placeholders = Placeholders(route);
        var parameters = routeType == typeof(NoRouteValues) ? [] : ConstructorOf(routeType).GetParameters().Select(p => p.Name!).ToArray();
        var missing = parameters.Where(p => !placeholders.Contains(p, StringComparer.OrdinalIgnoreCase)).ToArray();
        var extra = placeholders.Where(p => !parameters.Contains(p, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (missing.Length > 0 || extra.Length > 0 || placeholders.Distinct(StringComparer.OrdinalIgnoreCase).Count() != placeholders.Count)
        {
            throw new ArgumentException(
                $"The route '{route}' of {pageType.Name} does not match {routeType.Name}: "
                + (missing.Length > 0 ? $"no placeholder for {string.Join(", ", missing)}; " : string.Empty)
                + (extra.Length > 0 ? $"no parameter for {{{string.Join("}, {", extra)}}}; " : string.Empty)
                + "each of the route type's constructor parameters has one placeholder of its name.",
                nameof(route));
        }

        var unsupported = (routeType == typeof(NoRouteValues) ? [] : ConstructorOf(routeType).GetParameters())
            .Concat(formType is null ? [] : ConstructorOf(formType).GetParameters())
            .Where(p => !PageValues.IsSupported(p.ParameterType, form: p.Member.DeclaringType == formType))
            .ToArray();
        if (unsupported.Length > 0)
        {
            throw new ArgumentException($"{pageType.Name} binds {string.Join(", ", unsupported.Select(p => $"'{p.Name}' ({p.ParameterType.Name})"))}, which a page cannot: use text, numbers, bool, DateOnly, Guid or an Ent.Core id (and IReadOnlyDictionary<string, string> in a form).", nameof(pageType));
        }

        if (navigation is not null && placeholders.Count > 0)
        {
            throw new ArgumentException($"The page {pageType.Name} at '{route}' has route values and cannot be in the navigation; link to it from a page instead.", nameof(navigation));
        }

        return new PageRegistration(pluginId, pageType, routeType, formType, route, capability, navigation);
    }

    /// <summary>The one public constructor of a route or form type.</summary>
    public static ConstructorInfo ConstructorOf(Type type)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        return constructors.Length == 1
            ? constructors[0]
            : throw new ArgumentException($"{type.Name} must have exactly one public constructor, whose parameters are its values; it has {constructors.Length}.");
    }

    private static (Type Route, Type? Form) TypesOf(Type pageType)
    {
        if (pageType.IsAbstract)
        {
            throw new ArgumentException($"The page {pageType.Name} is abstract.", nameof(pageType));
        }

        for (var type = pageType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EntPage<,>))
            {
                return (type.GetGenericArguments()[0], type.GetGenericArguments()[1]);
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EntPage<>))
            {
                return (type.GetGenericArguments()[0], null);
            }
        }

        throw new ArgumentException($"{pageType.Name} is not a page: derive it from EntPage<TRoute> or EntPage<TRoute, TForm>.", nameof(pageType));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Literal();

    [GeneratedRegex("^\\{[A-Za-z][A-Za-z0-9]*\\}$")]
    private static partial Regex Placeholder();
}
