using System.Net;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>A web ENT whose department allows three sign-in attempts per minute and address.</summary>
public sealed class ThreeSignInsServer() : WebEntServer(signInAttemptsPerMinute: 3);

/// <summary>Sign-in attempts are limited per client address: a fourth within the minute is refused, and nobody is signed in by it.</summary>
public sealed class WebEntSignInTests(ThreeSignInsServer server) : IClassFixture<ThreeSignInsServer>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_departments_limit_are_refused_with_429()
    {
        var answers = new List<HttpStatusCode>();
        var visitors = Enumerable.Range(0, 4).Select(_ => server.Client()).ToArray();
        foreach (var visitor in visitors)
        {
            var form = (await visitor.GetAsync("sign-in")).Document.QuerySelector("form")!;
            answers.Add((await visitor.PostAsync(form.GetAttribute("action")!, WebClient.Fields(form))).Status);
        }

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.SeeOther, (await visitors[3].GetAsync("/")).Status); // the refused one is not signed in
        Assert.Equal(HttpStatusCode.OK, (await visitors[0].GetAsync("/")).Status);
        foreach (var visitor in visitors)
        {
            visitor.Dispose();
        }
    }
}
