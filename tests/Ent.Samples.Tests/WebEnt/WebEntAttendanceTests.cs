using System.Net;

namespace Ent.Samples.Tests.WebEnt;

/// <summary>
/// The attendance pages of the web ENT over HTTP, on the demonstration's roll calls (the clock on Thursday 26 November 2026,
/// 10:00 in Paris): the teacher's roll call, the CPE's day and an alert's letter, a parent's view and declaration with a proof,
/// a pupil's own record, the department's absenteeism indicator and its CSV; each seen only by those it is for.
/// </summary>
public sealed class WebEntAttendanceTests(WebEntServer server) : IClassFixture<WebEntServer>
{
    private async Task<string> LinaAsync(WebClient client) => (await client.GetAsync("attendance/me")).Location!;

    [Fact]
    public async Task The_teacher_sees_the_days_sessions_and_takes_a_roll_call_in_one_action()
    {
        using var teacher = await server.SignInAsync("teacher");
        var friday = await teacher.GetAsync("attendance/roll-call?day=2026-11-27");
        var sheet = await teacher.GetAsync(friday.Document.QuerySelector("#sessions a")!.GetAttribute("href")!);
        Assert.Equal(3, sheet.Document.QuerySelectorAll(".roll > li").Length);
        Assert.All(sheet.Document.QuerySelectorAll(".roll > li"), li => Assert.Equal("present", li.QuerySelector("input[type=radio][checked]")!.GetAttribute("value")));
        var hugo = sheet.Document.QuerySelectorAll(".roll > li").Single(li => li.TextContent.Contains("Martin Hugo", StringComparison.Ordinal));
        var field = hugo.QuerySelector("input[type=radio]")!.GetAttribute("name")!;

        var saved = await teacher.SubmitAsync(sheet, new Dictionary<string, string> { [field] = "absent" });
        var again = await teacher.GetAsync(saved.Location!);

        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Contains("Appel fait par Marie Curie", again.Document.QuerySelector("#taken")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("absent", again.Document.QuerySelectorAll(".roll > li").Single(li => li.TextContent.Contains("Martin Hugo", StringComparison.Ordinal))
            .QuerySelector("input[type=radio][checked]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_late_pupil_without_minutes_is_refused_naming_the_pupil_and_nothing_is_saved()
    {
        using var teacher = await server.SignInAsync("teacher");
        var monday = await teacher.GetAsync("attendance/roll-call?day=2026-11-30");
        var sheet = await teacher.GetAsync(monday.Document.QuerySelector("#sessions a")!.GetAttribute("href")!);
        var ines = sheet.Document.QuerySelectorAll(".roll > li").Single(li => li.TextContent.Contains("Diallo Inès", StringComparison.Ordinal));

        var refused = await teacher.SubmitAsync(sheet, new Dictionary<string, string> { [ines.QuerySelector("input[type=radio]")!.GetAttribute("name")!] = "late" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Inès Diallo", refused.Document.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await teacher.GetAsync(sheet.Path)).Document.QuerySelector("#taken"));
    }

    [Fact]
    public async Task The_CPE_follows_the_day_and_opens_the_alert_and_its_letter()
    {
        using var cpe = await server.SignInAsync("cpe");

        var october = await cpe.GetAsync("attendance/follow-up?day=2026-10-05");
        var alert = october.Document.QuerySelector("#alerts-list a")!;
        var letter = await cpe.GetAsync(alert.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, october.Status);
        Assert.Contains("Martin Hugo", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hugo Martin a manqué 4 demi-journées de classe en octobre 2026", letter.Document.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CPE_justifies_an_absence_of_the_day_and_it_counts_as_justified()
    {
        using var cpe = await server.SignInAsync("cpe");
        var tuesday = await cpe.GetAsync("attendance/follow-up?day=2026-11-24");
        var row = tuesday.Document.QuerySelectorAll("#absences-table tbody tr").Single(r => r.TextContent.Contains("Benali Lina", StringComparison.Ordinal));
        Assert.Contains("Non justifiée", row.TextContent, StringComparison.Ordinal);
        var justify = await cpe.GetAsync(row.QuerySelector("a")!.GetAttribute("href")!);

        var saved = await cpe.SubmitAsync(justify, new Dictionary<string, string> { ["reason"] = "maladie" });
        var after = await cpe.GetAsync("attendance/follow-up?day=2026-11-24");

        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Contains("Justifiée", after.Document.QuerySelectorAll("#absences-table tbody tr").Single(r => r.TextContent.Contains("Benali Lina", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_declares_an_absence_with_a_proof_and_the_CPE_accepts_it()
    {
        using var parent = await server.SignInAsync("parent");
        var lina = await LinaAsync(parent);
        var record = await parent.GetAsync(lina);
        var form = await parent.GetAsync(record.Document.QuerySelector("#declare")!.GetAttribute("href")!);
        var fields = WebClient.Fields(form.Document.QuerySelector("#declare-form")!).ToDictionary(f => f.Key, f => f.Value);
        (fields["from"], fields["to"], fields["reason"], fields["comment"]) = ("2026-12-03", "2026-12-03", "maladie-certificat", "Rendez-vous chez le pédiatre");

        var sent = await parent.PostMultipartAsync(form.Path, fields, "proof", "certificat.pdf", "application/pdf", "%PDF-1.4 demo"u8.ToArray());
        var after = await parent.GetAsync(lina);

        Assert.Equal(HttpStatusCode.SeeOther, sent.Status);
        Assert.Contains("En attente de la vie scolaire", after.Document.QuerySelector("#declarations-list")!.TextContent, StringComparison.Ordinal);

        using var cpe = await server.SignInAsync("cpe");
        var day = await cpe.GetAsync("attendance/follow-up");
        var declaration = await cpe.GetAsync(day.Document.QuerySelectorAll("#declarations-list a").Single(a => a.TextContent.Contains("03/12/2026", StringComparison.Ordinal)).GetAttribute("href")!);
        var proof = await cpe.GetAsync(declaration.Document.QuerySelector("#proof")!.GetAttribute("href")!);
        var accepted = await cpe.SubmitAsync(declaration, new Dictionary<string, string> { ["decision"] = "accepted" });

        Assert.Equal(("application/pdf", "%PDF-1.4 demo"), (proof.Headers["Content-Type"], proof.Body));
        Assert.Equal(HttpStatusCode.SeeOther, accepted.Status);
        Assert.Contains("Acceptée", (await parent.GetAsync(lina)).Document.QuerySelector("#declarations-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proof_above_the_upload_limit_is_refused_with_413_and_nothing_is_declared()
    {
        using var parent = await server.SignInAsync("parent");
        var lina = await LinaAsync(parent);
        var form = await parent.GetAsync($"{lina}/declare");
        var fields = WebClient.Fields(form.Document.QuerySelector("#declare-form")!).ToDictionary(f => f.Key, f => f.Value);
        fields["from"] = fields["to"] = "2026-12-10";

        var refused = await parent.PostMultipartAsync(form.Path, fields, "proof", "scan.pdf", "application/pdf", new byte[2 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.DoesNotContain("10/12/2026", (await parent.GetAsync(lina)).Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pupil_reads_her_own_record_and_nobody_reads_another_pupils_by_changing_the_id()
    {
        using var pupil = await server.SignInAsync("pupil");
        using var parent = await server.SignInAsync("parent");
        using var teacher = await server.SignInAsync("teacher");
        var lina = await LinaAsync(pupil);
        var followUp = (await teacher.GetAsync("attendance/follow-up")).Status; // the teacher follows no school's attendance
        var hugosRecord = (await teacher.GetAsync("attendance/roll-call?day=2026-10-05")).Document.QuerySelector("#sessions a")!.GetAttribute("href")!;
        var hugoId = (await teacher.GetAsync(hugosRecord)).Document.QuerySelectorAll(".roll > li").Single(li => li.TextContent.Contains("Martin Hugo", StringComparison.Ordinal)).Id!["pupil-".Length..];

        var own = await pupil.GetAsync(lina);

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("Demi-journées par mois", own.Main, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, followUp);
        Assert.Equal(HttpStatusCode.Forbidden, (await pupil.GetAsync($"attendance/pupils/{hugoId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync($"attendance/pupils/{hugoId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync($"attendance/pupils/{hugoId}/declare")).Status);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"attendance/pupils/{hugoId}")).Status); // a teacher of his class
        Assert.Equal(HttpStatusCode.Forbidden, (await pupil.GetAsync("attendance/roll-call")).Status);
    }

    [Fact]
    public async Task The_head_sets_the_schools_thresholds_and_a_value_out_of_range_is_refused_naming_it()
    {
        using var head = await server.SignInAsync("head");
        var page = await head.GetAsync("attendance/thresholds");
        Assert.Contains("seuils du département", page.Document.QuerySelector("#thresholds-source")!.TextContent, StringComparison.Ordinal);

        var refused = await head.SubmitAsync(page, new Dictionary<string, string> { ["halfDays"] = "0", ["lateness"] = "5" });
        var saved = await head.SubmitAsync(page, new Dictionary<string, string> { ["halfDays"] = "3", ["lateness"] = "5" });
        var after = await head.GetAsync("attendance/thresholds");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("HalfDays", refused.Document.QuerySelector("#errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Equal("3", after.Document.QuerySelector("#half-days")!.GetAttribute("value"));
        Assert.Contains("propres seuils", after.Document.QuerySelector("#thresholds-source")!.TextContent, StringComparison.Ordinal);
        using var teacher = await server.SignInAsync("teacher");
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("attendance/thresholds")).Status);
        await head.SubmitAsync(after, new Dictionary<string, string> { ["halfDays"] = "4", ["lateness"] = "4" }); // the law's again, for the other tests on this server
    }

    [Fact]
    public async Task The_department_sees_the_absenteeism_indicator_month_by_month_and_exports_it()
    {
        using var admin = await server.SignInAsync("admin");
        using var teacher = await server.SignInAsync("teacher");

        var indicator = await admin.GetAsync("attendance/indicator");
        var csv = await admin.GetAsync("attendance/indicator/export");

        Assert.Equal(HttpStatusCode.OK, indicator.Status);
        Assert.NotNull(indicator.Document.QuerySelector("svg#absenteeism"));
        Assert.Equal(9 + 2, indicator.Document.QuerySelectorAll("#indicator-table thead th").Length); // the school, September to May, the mean
        Assert.StartsWith("uai,school,month,pupils,pupils_at_threshold,share", csv.Body, StringComparison.Ordinal);
        Assert.Contains("0930001W,Collège Jean Jaurès (fictif),2026-10,3,1,0.3333", csv.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("attendance/indicator")).Status);
    }
}
