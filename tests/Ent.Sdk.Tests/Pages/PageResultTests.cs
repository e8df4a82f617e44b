using Ent.Sdk.Pages;

namespace Ent.Sdk.Tests.Pages;

/// <summary>What a page may answer: a view that the browser loads again every so often, within bounds.</summary>
public sealed class PageResultTests
{
    [Fact]
    public void A_view_may_ask_to_be_loaded_again_every_so_often()
    {
        var view = Assert.IsType<ViewPageResult>(PageResult.View("acme/pages/board", null, "Board", TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.FromSeconds(30), view.RefreshEvery);
        Assert.Null(Assert.IsType<ViewPageResult>(PageResult.View("acme/pages/board", null, "Board")).RefreshEvery);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(3601)]
    public void A_refresh_outside_10_seconds_to_1_hour_is_refused_naming_it(int seconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PageResult.View("acme/pages/board", null, "Board", TimeSpan.FromSeconds(seconds)));

        Assert.Contains(TimeSpan.FromSeconds(seconds).ToString(), error.Message, StringComparison.Ordinal);
    }
}
