using Ent.Sdk.Views;
using Snapshooter.Xunit;

namespace Ent.Sdk.Tests.Views;

/// <summary>Representative rendered pages, compared with the committed snapshots in <c>__snapshots__</c>.</summary>
public sealed class ViewSnapshotTests
{
    [Fact]
    public void Report_card_in_french()
    {
        using var host = ViewHost.Create();

        Snapshot.Match(host.Render("specs/report-card", ReportCardView.Sample()).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Report_card_in_english()
    {
        using var host = ViewHost.Create();

        Snapshot.Match(host.Render("specs/report-card", ReportCardView.Sample("en"), new ViewScope(Language: "en")).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Report_card_with_a_school_header_and_department_wording()
    {
        using var host = ViewHost.Create(new Dictionary<string, string>
        {
            ["schools/0930002X/views/specs/partials/header.sbn-html"] = "<header class=\"louise-michel\"><img src=\"logo.png\" alt=\"Logo du collège\"><h1>{{ school }}</h1><p>{{ pupil.name }}</p></header>",
            ["strings/specs.fr.json"] = "{ \"comment\": \"Appréciation du professeur\" }",
        });

        Snapshot.Match(host.Render("specs/report-card", ReportCardView.Sample(), new ViewScope("0930002X")).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Absence_letter_as_text()
    {
        using var host = ViewHost.Create();

        Snapshot.Match(host.Render("specs/letter", new LetterView("Madame Benali", new PupilView("Inès Benali", "4e B"), 3)).ReplaceLineEndings("\n"));
    }
}
