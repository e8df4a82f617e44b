using System.Net;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>The head of school's class council and the period's close, on a web ENT of its own (closing changes what others may do).</summary>
public sealed class WebEntCouncilTests(WebEntServer server) : IClassFixture<WebEntServer>
{
    [Fact]
    public async Task The_head_writes_the_councils_appraisals_closes_the_period_and_its_marks_then_change_only_with_a_reason_by_the_head()
    {
        using var head = await server.SignInAsync("head");
        using var pupil = await server.SignInAsync("pupil");
        var council = await head.GetAsync((await head.GetAsync("grading/councils")).Document.QuerySelector("main .cards a")!.GetAttribute("href")!);
        Assert.Contains("5e B", council.Document.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, council.Document.QuerySelectorAll("main tbody tr").Length); // every pupil's averages
        var lina = (await pupil.GetAsync("grading/marks")).Location!;
        var card = (await pupil.GetAsync(lina)).Document.QuerySelector("a[href*='/report-cards/']")!.GetAttribute("href")!;
        var appraisal = $"appraisals[{lina.Split('/')[^1]}]";

        var appraised = await head.SubmitAsync(council, new Dictionary<string, string> { [appraisal] = "Encouragements du conseil de classe." }, "form#appraisals");
        var provisional = await pupil.GetAsync(card);
        council = await head.GetAsync(appraised.Location!);

        Assert.Equal(HttpStatusCode.SeeOther, appraised.Status);
        Assert.Equal("Encouragements du conseil de classe.", council.Document.QuerySelector($"textarea[name='{appraisal}']")!.TextContent);
        Assert.NotNull(provisional.Document.QuerySelector("#provisional"));
        Assert.Equal("Le conseil de classe ne s'est pas encore prononcé.", provisional.Document.QuerySelector("#council-appraisal")!.TextContent); // the family reads it once the period is closed

        var unconfirmed = await head.SubmitAsync(council, new Dictionary<string, string>(), "form#close");
        var closed = await head.SubmitAsync(council, new Dictionary<string, string> { ["confirm"] = "true" }, "form#close");
        var after = await head.GetAsync(closed.Location!);

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.Status);
        Assert.Equal(HttpStatusCode.SeeOther, closed.Status);
        Assert.Contains("La période est clôturée", after.Document.QuerySelector("#period-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("#close-period"));
        var final = await pupil.GetAsync(card);
        Assert.Null(final.Document.QuerySelector("#provisional"));
        Assert.Equal("Encouragements du conseil de classe.", final.Document.QuerySelector("#council-appraisal")!.TextContent);

        using var teacher = await server.SignInAsync("teacher");
        var course = await teacher.GetAsync((await teacher.GetAsync("grading/courses")).Document.QuerySelector("main a[href^='/grading/courses/']")!.GetAttribute("href")!);
        var gradebook = await teacher.GetAsync(course.Document.QuerySelector("main a[href*='/assessments/']")!.GetAttribute("href")!);
        var field = gradebook.Document.QuerySelector("input[name^='marks[']")!.GetAttribute("name")!;

        var refused = await teacher.SubmitAsync(gradebook, new Dictionary<string, string> { [field] = "1" });

        Assert.Contains("période clôturée", gradebook.Main, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotEmpty(refused.Document.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task A_teacher_sees_the_council_but_is_not_offered_the_close()
    {
        using var teacher = await server.SignInAsync("teacher");
        using var head = await server.SignInAsync("head");
        var link = (await head.GetAsync("grading/councils")).Document.QuerySelector("main .cards a")!.GetAttribute("href")!;

        var council = await teacher.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, council.Status);
        Assert.Null(council.Document.QuerySelector("#close-period"));
    }
}

/// <summary>The councils after a term has ended, on a web ENT whose clock stands on Thursday 3 December 2026 (the second term begun).</summary>
public sealed class WebEntCouncilsAfterTheTermTests(AfterTheFirstTermServer server) : IClassFixture<AfterTheFirstTermServer>
{
    [Fact]
    public async Task The_councils_page_lists_each_period_begun_the_current_first_and_a_council_opens_each_pupils_bilan()
    {
        using var head = await server.SignInAsync("head");

        var councils = await head.GetAsync("grading/councils");
        var firstTerm = councils.Document.QuerySelectorAll("main .cards")[1].QuerySelector("a")!.GetAttribute("href")!;
        var council = await head.GetAsync(firstTerm);
        var card = await head.GetAsync(council.Document.QuerySelector("main tbody th a")!.GetAttribute("href")!);

        Assert.Equal(["Trimestre 2", "Trimestre 1"], councils.Document.QuerySelectorAll("main h2").Select(h => h.TextContent));
        Assert.Contains("Trimestre 1", council.Document.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Contains("Trimestre 1", card.Main, StringComparison.Ordinal);
    }
}

/// <summary>The main command's web ENT, its clock on Thursday 3 December 2026 at 10:00 in Paris.</summary>
public sealed class AfterTheFirstTermServer : WebEntServer
{
    /// <inheritdoc />
    protected override DateTimeOffset Now => new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
}
