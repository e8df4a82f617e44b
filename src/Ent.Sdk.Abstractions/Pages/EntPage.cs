namespace Ent.Sdk.Pages;

/// <summary>
/// A page a plugin contributes to any host (<see cref="Plugins.PluginServiceContext.AddPage{TPage}"/>): the host finds it
/// by its route, checks that the plugin is on in the viewer's school and that the viewer holds the page's capability there,
/// binds the route's values to <typeparamref name="TRoute"/>, and renders the result in the department's layout. The page
/// is resolved from the host's services, so it gets the plugin's services injected; it never sees HTTP.
/// </summary>
/// <typeparam name="TRoute">
/// The route's values: a record whose constructor parameters are named after the route's <c>{placeholders}</c>
/// (Guid, string, int, DateOnly, or an Ent.Core id such as <c>CourseId</c>), or <see cref="NoRouteValues"/>.
/// </typeparam>
public abstract class EntPage<TRoute>
    where TRoute : notnull
{
    /// <summary>Answers a GET: the page, a redirect, JSON or not found.</summary>
    /// <param name="context">Who views the page, where, in which language; the form's errors when a post is shown again.</param>
    /// <param name="route">The route's values, bound and typed.</param>
    /// <param name="cancellationToken">Cancelled when the viewer goes away.</param>
    /// <returns>What to answer.</returns>
    public abstract Task<PageResult> GetAsync(PageContext context, TRoute route, CancellationToken cancellationToken);
}

/// <summary>
/// A page with a form. The host refuses a post without a valid antiforgery token, binds the fields to
/// <typeparamref name="TForm"/> and validates it (its DataAnnotations attributes); when binding or validation fails, or
/// <see cref="PostAsync"/> answers <see cref="PageResult.Invalid(FormError[])"/> or throws an <see cref="ArgumentException"/>,
/// the page is shown again by <see cref="EntPage{TRoute}.GetAsync"/> with the errors and the values posted (status 400).
/// </summary>
/// <typeparam name="TRoute">The route's values.</typeparam>
/// <typeparam name="TForm">
/// The form: a record whose constructor parameters are named after the fields (string, int, decimal, bool, Guid, DateOnly,
/// an Ent.Core id, their nullable forms, or <c>IReadOnlyDictionary&lt;string, string&gt;</c> for fields named <c>name[key]</c>).
/// </typeparam>
public abstract class EntPage<TRoute, TForm> : EntPage<TRoute>
    where TRoute : notnull
    where TForm : notnull
{
    /// <summary>Answers a valid post, usually with a redirect to a page that shows the result.</summary>
    /// <param name="context">Who posts, where, in which language.</param>
    /// <param name="route">The route's values.</param>
    /// <param name="form">The form, bound and validated.</param>
    /// <param name="cancellationToken">Cancelled when the viewer goes away.</param>
    /// <returns>What to answer.</returns>
    public abstract Task<PageResult> PostAsync(PageContext context, TRoute route, TForm form, CancellationToken cancellationToken);
}

/// <summary>The route values of a page whose route has none.</summary>
public sealed record NoRouteValues
{
    /// <summary>The one value.</summary>
    public static NoRouteValues Instance { get; } = new();
}
