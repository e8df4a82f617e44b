using System.Text.RegularExpressions;

namespace Ent.Packaging.Tests;

/// <summary>The plugin authoring guide's snippets, taken from docs/plugin-authoring.md as they are written, build against the packages.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class AuthoringGuideTests(PackedFeed feed)
{
    [Fact]
    public void The_guides_project_manifest_and_every_csharp_snippet_build_together_against_the_packages()
    {
        var guide = File.ReadAllText(Path.Combine(feed.RepoRoot, "docs", "plugin-authoring.md"));
        var blocks = Fence().Matches(guide).Select(m => (Language: m.Groups[1].Value, Code: m.Groups[2].Value)).ToList();
        var project = Directory.CreateDirectory(Path.Combine(feed.Root, "Acme.ReadingClub")).FullName;

        File.WriteAllText(Path.Combine(project, "Acme.ReadingClub.csproj"), blocks.First(b => b.Language == "xml" && b.Code.Contains("<Project Sdk=", StringComparison.Ordinal)).Code);
        File.WriteAllText(Path.Combine(project, "plugin.json"), blocks.First(b => b.Language == "json").Code);
        var snippets = blocks.Where(b => b.Language == "csharp").Select(b => b.Code).ToList();
        for (var i = 0; i < snippets.Count; i++)
        {
            File.WriteAllText(Path.Combine(project, $"Snippet{i + 1}.cs"), snippets[i]);
        }

        var output = DotNet.Run(project, "build", "-c", "Release");

        Assert.True(snippets.Count >= 5, $"The guide has {snippets.Count} C# snippets; it should show the entry class, a strategy and handler, an operation on documents, a demo contribution and a test host.");
        Assert.Contains("Build succeeded", output, StringComparison.Ordinal);
        foreach (var signature in new[] { "IDemoContributor", "IDomainEventHandler<", "operations.BeginAsync(", "work.CommitAsync(", "AddDocuments<", "directory.Add(", "EnablePlugin(" })
        {
            Assert.Contains(snippets, s => s.Contains(signature, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex("^```(\\w+)\\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
