using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Scriban.Runtime;

namespace Ent.Sdk.Views;

/// <summary>
/// Copies a view model into plain script objects: public instance properties (renamed to snake_case),
/// lists, string-keyed dictionaries, text, numbers, booleans, dates and enums (as their names). Nothing
/// else crosses: a delegate, a stream, a type, a task or a service is refused with the path to it, and so
/// is a model nested deeper than <see cref="MaxDepth"/> (a cycle). What each type is (data or not, its
/// properties) is cached per type for the life of the renderer, so a plugin's types are released with the host.
/// </summary>
internal sealed class ScriptModel
{
    /// <summary>The deepest a model may nest.</summary>
    public const int MaxDepth = 32;

    private readonly ConcurrentDictionary<Type, Shape> _shapes = new();

    /// <summary>Copies a model into a new script object: the template's globals.</summary>
    /// <exception cref="ArgumentException">The model holds something that is not data; the message names the path.</exception>
    public ScriptObject ToGlobals(object? model)
    {
        var globals = new ScriptObject();
        if (model is null)
        {
            return globals;
        }

        object? converted;
        try
        {
            converted = Convert(model, 0);
        }
        catch (Refusal refusal)
        {
            throw new ArgumentException(refusal.Explain("model"));
        }

        if (converted is ScriptObject copied)
        {
            foreach (var (key, value) in copied)
            {
                globals[key] = value;
            }

            return globals;
        }

        throw new ArgumentException($"The model is {model.GetType().Name}: pass an object whose properties the template reads, or a dictionary.");
    }

    /// <summary>snake_case, as Scriban names .NET members: <c>PupilName</c> → <c>pupil_name</c>.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Copies one value. The path to it is written only when the model is refused (<see cref="Refusal"/> collects it on the way
    /// out): a model is copied on every render, and its paths would otherwise be built for every value of it.
    /// </summary>
    private object? Convert(object? value, int depth)
    {
        switch (value)
        {
            case null or string or bool or int or long or decimal or double or float or short or byte or sbyte or ushort or uint or ulong or DateTime or TimeSpan:
                return value;
            case char c:
                return c.ToString();
            case Enum e:
                return e.ToString();
            case DateOnly date:
                return date.ToDateTime(TimeOnly.MinValue);
            case DateTimeOffset offset:
                return offset.DateTime;
            case TimeOnly time:
                return time.ToTimeSpan();
            case Guid guid:
                return guid.ToString();
            case Uri uri:
                return uri.OriginalString;
        }

        if (depth >= MaxDepth)
        {
            throw new Refusal(path => $"The model nests deeper than {MaxDepth} levels at {path} (a cycle?): pass a tree of data.");
        }

        var shape = ShapeOf(value.GetType());
        if (shape.NotData)
        {
            throw new Refusal(path => $"The model's {path} is a {value.GetType().Name}, which is not data: a template gets text, numbers, dates, lists and objects of those.");
        }

        switch (value)
        {
            case ScriptObject script:
                return CopyEntries(script.Select(p => (p.Key, p.Value)), depth);
            case IDictionary<string, object?> dictionary:
                return CopyEntries(dictionary.Select(p => (p.Key, p.Value)), depth);
            case IReadOnlyDictionary<string, object?> readOnly:
                return CopyEntries(readOnly.Select(p => (p.Key, p.Value)), depth);
            case IDictionary other:
                return CopyEntries(other.Keys.Cast<object>().Select(k => (k.ToString() ?? string.Empty, other[k])), depth);
            case IEnumerable items:
                var array = new ScriptArray();
                var index = 0;
                foreach (var item in items)
                {
                    try
                    {
                        array.Add(Convert(item, depth + 1));
                    }
                    catch (Refusal refusal)
                    {
                        throw refusal.Under($"[{index}]");
                    }

                    index++;
                }

                return array;
        }

        var copy = new ScriptObject();
        foreach (var (name, property) in shape.Properties)
        {
            try
            {
                copy[name] = Convert(property.GetValue(value), depth + 1);
            }
            catch (Refusal refusal)
            {
                throw refusal.Under($".{name}");
            }
        }

        return copy;
    }

    private ScriptObject CopyEntries(IEnumerable<(string Key, object? Value)> entries, int depth)
    {
        var copy = new ScriptObject();
        foreach (var (key, value) in entries)
        {
            try
            {
                copy[key] = Convert(value, depth + 1);
            }
            catch (Refusal refusal)
            {
                throw refusal.Under($".{key}");
            }
        }

        return copy;
    }

    /// <summary>What a type is to the copy, worked out once per type: whether it is data at all, and its readable properties.</summary>
    private Shape ShapeOf(Type type) => _shapes.GetOrAdd(type, static t => new Shape(
        IsNotData(t),
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .Where(p => p.Name != "EqualityContract")
            .Select(p => (SnakeCase(p.Name), p))]));

    private static bool IsNotData(Type type) =>
        typeof(Delegate).IsAssignableFrom(type)
        || typeof(MemberInfo).IsAssignableFrom(type)
        || typeof(Assembly).IsAssignableFrom(type)
        || typeof(Stream).IsAssignableFrom(type)
        || typeof(Task).IsAssignableFrom(type)
        || typeof(IServiceProvider).IsAssignableFrom(type)
        || typeof(IDisposable).IsAssignableFrom(type)
        || typeof(Exception).IsAssignableFrom(type)
        || type.IsPointer
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        || type == typeof(IntPtr);

    /// <summary>What a type is to the copy.</summary>
    /// <param name="NotData">Whether values of it are refused (a delegate, a stream, a task, a service…).</param>
    /// <param name="Properties">Its readable properties, with their snake_case names.</param>
    private sealed record Shape(bool NotData, (string Name, PropertyInfo Property)[] Properties);

    /// <summary>A refused value on its way out of the copy, gathering the path to it (innermost segment first).</summary>
    private sealed class Refusal(Func<string, string> message) : Exception
    {
        private readonly List<string> _segments = [];

        /// <summary>Adds the segment that leads to the value from one level up.</summary>
        public Refusal Under(string segment)
        {
            _segments.Add(segment);
            return this;
        }

        /// <summary>The message, with the whole path from <paramref name="root"/>.</summary>
        public string Explain(string root)
        {
            var path = new StringBuilder(root);
            for (var i = _segments.Count - 1; i >= 0; i--)
            {
                path.Append(_segments[i]);
            }

            return message(path.ToString());
        }
    }
}
