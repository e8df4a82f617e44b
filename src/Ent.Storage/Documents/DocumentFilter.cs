using System.Linq.Expressions;
using System.Reflection;

namespace Ent.Storage.Documents;

/// <summary>
/// Reads a filter such as <c>a =&gt; a.Class == @class &amp;&amp; a.Period == period</c>: equalities between a member of the
/// document and a value, joined by <c>&amp;&amp;</c>. The values are taken from the expression without compiling it.
/// </summary>
internal static class DocumentFilter
{
    /// <summary>The members compared and the values they must equal, in the order written.</summary>
    /// <exception cref="ArgumentException">The filter is not such a conjunction of equalities; the message shows the part that is not.</exception>
    public static IReadOnlyList<(PropertyInfo Member, object? Value)> Parse(LambdaExpression filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var terms = new List<(PropertyInfo, object?)>();
        Collect(filter.Body, filter.Parameters[0], terms);
        return terms;
    }

    private static void Collect(Expression expression, ParameterExpression document, List<(PropertyInfo, object?)> terms)
    {
        switch (expression)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                Collect(and.Left, document, terms);
                Collect(and.Right, document, terms);
                return;
            case BinaryExpression { NodeType: ExpressionType.Equal } equal:
                if (MemberOf(equal.Left, document) is { } left)
                {
                    terms.Add((left, Evaluate(equal.Right, document)));
                    return;
                }

                if (MemberOf(equal.Right, document) is { } right)
                {
                    terms.Add((right, Evaluate(equal.Left, document)));
                    return;
                }

                break;
            case MemberExpression { Type: var type } member when type == typeof(bool) && MemberOf(member, document) is { } flag:
                terms.Add((flag, true));
                return;
        }

        throw new ArgumentException($"A document filter compares members of the document with values, joined by &&, as d => d.Class == c && d.Period == p; '{expression}' is not such a comparison.", nameof(expression));
    }

    private static PropertyInfo? MemberOf(Expression expression, ParameterExpression document) =>
        DocumentMember.Unwrap(expression) is MemberExpression { Member: PropertyInfo property, Expression: var target } && target == document ? property : null;

    private static object? Evaluate(Expression expression, ParameterExpression document)
    {
        if (Mentions(expression, document))
        {
            throw new ArgumentException($"'{expression}' depends on the document: a filter compares a member with a value known beforehand.", nameof(expression));
        }

        switch (expression)
        {
            case ConstantExpression constant:
                return constant.Value;
            case MemberExpression { Member: FieldInfo field } member:
                return field.GetValue(member.Expression is null ? null : Evaluate(member.Expression, document));
            case MemberExpression { Member: PropertyInfo property } member:
                return property.GetValue(member.Expression is null ? null : Evaluate(member.Expression, document));
            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked, Method: null } convert
                when Nullable.GetUnderlyingType(convert.Type) == convert.Operand.Type || convert.Type == typeof(object):
                return Evaluate(convert.Operand, document); // boxed, a T and a T? are the same value
            default:
                return Expression.Lambda(expression).Compile(preferInterpretation: true).DynamicInvoke(); // a computed value: rare, and still correct
        }
    }

    private static bool Mentions(Expression expression, ParameterExpression document)
    {
        var finder = new ParameterFinder(document);
        finder.Visit(expression);
        return finder.Found;
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
        }
    }
}
