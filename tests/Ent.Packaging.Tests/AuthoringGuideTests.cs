using System.Text.RegularExpressions;

namespace Ent.Packaging.Tests;

/// <summary>The plugin authoring guide's snippets, taken from docs/plugin-authoring.md as they are written, build against the packages.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed partial class AuthoringGuideTests(PackedFeed feed)
{
    [Fact]
    public void The_guides_projects_manifest_and_every_csharp_snippet_build_together_against_the_packages()
    {
        var guide = File.ReadAllText(Path.Combine(feed.RepoRoot, "docs", "plugin-authoring.md"));
        var blocks = Fence().Matches(guide).Select(m => (Language: m.Groups[1].Value, Code: m.Groups[2].Value)).ToList();
        var projects = blocks.Where(b => b.Language == "xml" && b.Code.Contains("<Project Sdk=", StringComparison.Ordinal)).Select(b => b.Code).ToList();
        // The plugin's project (the first), on Ent.Sdk.Abstractions; its tests' project, on the host package and the plugin.
        var plugin = Directory.CreateDirectory(Path.Combine(feed.Root, "Acme.ReadingClub")).FullName;
        var tests = Directory.CreateDirectory(Path.Combine(feed.Root, "Acme.ReadingClub.Tests")).FullName;
        File.WriteAllText(Path.Combine(plugin, "Acme.ReadingClub.csproj"), projects[0]);
        File.WriteAllText(Path.Combine(tests, "Acme.ReadingClub.Tests.csproj"), projects.Single(p => p.Contains("Acme.ReadingClub.csproj", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(plugin, "plugin.json"), blocks.First(b => b.Language == "json").Code);
        var snippets = blocks.Where(b => b.Language == "csharp").Select(b => b.Code).ToList();
        for (var i = 0; i < snippets.Count; i++)
        {
            var hostSide = snippets[i].Contains("using Ent.Sdk.Hosting;", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(hostSide ? tests : plugin, $"Snippet{i + 1}.cs"), snippets[i]);
        }

        Assert.Contains("Ent.Sdk.Abstractions", projects[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Include=\"Ent.Sdk\"", projects[0], StringComparison.Ordinal);
        var output = DotNet.Run(tests, "build", "-c", "Release");

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
