namespace Ent.Sdk.Pages;

/// <summary>Calls a page's typed methods with untyped values, through delegates made once per page type.</summary>
internal sealed class PageInvoker
{
    private PageInvoker(Func<object, PageContext, object, CancellationToken, Task<PageResult>> get, Func<object, PageContext, object, object, CancellationToken, Task<PageResult>>? post)
    {
        GetAsync = get;
        PostAsyncCore = post;
    }

    public Func<object, PageContext, object, CancellationToken, Task<PageResult>> GetAsync { get; }

    private Func<object, PageContext, object, object, CancellationToken, Task<PageResult>>? PostAsyncCore { get; }

    public Task<PageResult> PostAsync(object page, PageContext context, object route, object form, CancellationToken cancellationToken) =>
        (PostAsyncCore ?? throw new InvalidOperationException("The page has no form."))(page, context, route, form, cancellationToken);

    public static PageInvoker For(PageRegistration registration)
    {
        var method = registration.FormType is null
            ? typeof(PageInvoker).GetMethod(nameof(WithoutForm), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(registration.RouteType)
            : typeof(PageInvoker).GetMethod(nameof(WithForm), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(registration.RouteType, registration.FormType);
        return (PageInvoker)method.Invoke(null, null)!;
    }

    private static PageInvoker WithoutForm<TRoute>()
        where TRoute : notnull =>
        new((page, context, route, token) => ((EntPage<TRoute>)page).GetAsync(context, (TRoute)route, token), null);

    private static PageInvoker WithForm<TRoute, TForm>()
        where TRoute : notnull
        where TForm : notnull =>
        new((page, context, route, token) => ((EntPage<TRoute>)page).GetAsync(context, (TRoute)route, token),
            (page, context, route, form, token) => ((EntPage<TRoute, TForm>)page).PostAsync(context, (TRoute)route, (TForm)form, token));
}
