using System.Reflection;
using PublicApiGenerator;
using Xunit;

namespace Ent.TestSupport;

/// <summary>
/// Compares an assembly's public API with a committed snapshot. A change fails the test and writes
/// the new API next to the snapshot as *.received.txt (ignored by git): review it, and copy it over
/// the *.approved.txt file to accept the change.
/// </summary>
public static class PublicApiApproval
{
    /// <summary>Verifies the public API of <paramref name="assembly"/> against the snapshot in the test project's PublicApi folder.</summary>
    /// <param name="assembly">The assembly whose API is tracked.</param>
    /// <param name="tests">The test assembly; its build records where its project folder is (source paths are mapped in CI builds).</param>
    public static void Verify(Assembly assembly, Assembly tests)
    {
        var name = assembly.GetName().Name!;
        var projectDirectory = tests.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "EntTestProjectDirectory").Value!;
        var directory = Path.Combine(projectDirectory, "PublicApi");
        var approvedPath = Path.Combine(directory, $"{name}.approved.txt");
        var receivedPath = Path.Combine(directory, $"{name}.received.txt");
        // Every public type, the Microsoft.Extensions.DependencyInjection extension classes (AddEnt, UseSqlite…) included.
        var actual = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false, AllowNamespacePrefixes = ["Microsoft"] }).ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(approved is null
            ? $"No approved public API for {name}: review {receivedPath} and rename it to {Path.GetFileName(approvedPath)}."
            : $"The public API of {name} changed: compare {receivedPath} with {approvedPath}, and copy it over the approved file if the change is intended (a removal or change is a breaking change: bump the major version).\n{FirstDifference(approved, actual)}");
    }

    private static string FirstDifference(string approved, string actual)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right)
            {
                return $"First difference at line {i + 1}:\n  approved: {left}\n  actual:   {right}";
            }
        }

        return string.Empty;
    }
}
