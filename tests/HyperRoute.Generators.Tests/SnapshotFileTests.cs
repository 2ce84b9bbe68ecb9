using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using HyperRoute.Testing;
using Xunit;
using Xunit.Sdk;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// Snapshot files and the tests they belong to. Each snapshot test finds the orphans of its own name; these find the
/// snapshot files whose test is gone, and check what a test does with a missing or orphaned snapshot.
/// </summary>
public sealed class SnapshotFileTests
{
    [Fact]
    public void Every_snapshot_file_names_a_test_that_matches_snapshots()
    {
        var tests = typeof(SnapshotFileTests).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("HyperRoute.Generators.Tests", StringComparison.Ordinal) == true)
            .GroupBy(t => t.Name)
            .ToDictionary(g => g.Key, g => g.ToList());
        var problems = new List<string>();
        var files = SnapshotFiles(ProjectDirectory());
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var hash = name.IndexOf('#', StringComparison.Ordinal);
            var dot = hash < 0 ? -1 : name.LastIndexOf('.', hash);
            if (dot < 0 || !name.EndsWith(".g" + Snapshot.VerifiedExtension, StringComparison.Ordinal))
            {
                problems.Add($"{file}: not named {{Class}}.{{Method}}#{{HintName}} with a hint name ending in .g.cs");
                continue;
            }

            var (testClass, testMethod) = (name[..dot], name[(dot + 1)..hash]);
            var method = tests.GetValueOrDefault(testClass)?
                .Select(t => t.GetMethod(testMethod, BindingFlags.Public | BindingFlags.Instance))
                .FirstOrDefault(m => m is not null);
            if (method is null || method.GetCustomAttribute<FactAttribute>() is null)
            {
                problems.Add($"{file}: no test {testClass}.{testMethod}");
            }
            else if (method.GetCustomAttribute<TheoryAttribute>() is not null)
            {
                problems.Add($"{file}: {testClass}.{testMethod} is a theory, whose cases would share the snapshot");
            }
            else if (!CallsSnapshotMatch(method))
            {
                problems.Add($"{file}: {testClass}.{testMethod} matches no snapshot");
            }
        }

        Assert.True(files.Count > 0, "no snapshot file was found");
        Assert.True(problems.Count == 0, "Orphaned snapshot files (delete them):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Received_snapshots_are_ignored_by_git()
    {
        var gitignore = Path.Combine(ProjectDirectory(), "..", "..", ".gitignore");

        Assert.Contains("*.received.*", File.ReadAllLines(gitignore).Select(line => line.Trim()));
    }

    [Fact]
    public void A_snapshot_file_the_test_no_longer_generates_fails_the_test_as_orphaned()
    {
        var directory = Directory.CreateTempSubdirectory("snapshots-");
        try
        {
            var testFile = Path.Combine(directory.FullName, "FakeTests.cs");
            var snapshots = Directory.CreateDirectory(Path.Combine(directory.FullName, Snapshot.DirectoryName)).FullName;
            File.WriteAllText(Path.Combine(snapshots, Snapshot.FileName("FakeTests", "Generates", "Api.Dispatch.g.cs")), "// kept\n");
            var orphan = Path.Combine(snapshots, Snapshot.FileName("FakeTests", "Generates", "Old.Dispatch.g.cs"));
            File.WriteAllText(orphan, "// no longer generated\n");
            var generated = new[] { new GeneratedSource("Api.Dispatch.g.cs", "// kept\n") };

            if (Accepting())
            {
                Snapshot.Match(generated, testFile, "Generates");
                Assert.False(File.Exists(orphan));
                return;
            }

            var exception = Assert.Throws<XunitException>(() => Snapshot.Match(generated, testFile, "Generates"));

            Assert.Contains($"Orphaned snapshot {orphan}", exception.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_snapshot_writes_the_received_file_and_fails()
    {
        var directory = Directory.CreateTempSubdirectory("snapshots-");
        try
        {
            var testFile = Path.Combine(directory.FullName, "FakeTests.cs");
            var generated = new GeneratedSource("Shop.Api.Dispatch.g.cs", "// generated\n");
            var snapshots = Path.Combine(directory.FullName, Snapshot.DirectoryName);

            if (Accepting())
            {
                Snapshot.Match(generated, testFile, "Generates");
                Assert.True(File.Exists(Path.Combine(snapshots, "FakeTests.Generates#Shop.Api.Dispatch.g.verified.cs")));
                return;
            }

            var exception = Assert.Throws<XunitException>(() => Snapshot.Match(generated, testFile, "Generates"));

            Assert.Contains("No snapshot at", exception.Message);
            Assert.Equal("// generated\n", File.ReadAllText(Path.Combine(snapshots, "FakeTests.Generates#Shop.Api.Dispatch.g.received.cs")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool Accepting()
        => Environment.GetEnvironmentVariable(Snapshot.AcceptVariable) == "1"
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static List<string> SnapshotFiles(string project)
        => Directory.GetDirectories(project, Snapshot.DirectoryName, SearchOption.AllDirectories)
            .Where(d => !d.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !d.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(d => Directory.GetFiles(d, "*" + Snapshot.VerifiedExtension))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string ProjectDirectory([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;

    // Whether the method's body calls Snapshot.Match: the call and callvirt instructions whose token resolves to it.
    private static bool CallsSnapshotMatch(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? Array.Empty<byte>();
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F))
            {
                continue;
            }

            try
            {
                var called = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1));
                if (called?.DeclaringType == typeof(Snapshot) && called.Name == nameof(Snapshot.Match))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // not a method token: the byte was an operand, not an opcode
            }
        }

        return false;
    }
}
