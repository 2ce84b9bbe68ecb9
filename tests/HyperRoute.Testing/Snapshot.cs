using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace HyperRoute.Testing;

/// <summary>
/// Compares generated files with snapshots checked in beside the test file, one file per generated file, named by
/// the test and the file's hint name: <c>Snapshots/{Class}.{Method}#{HintName}</c> with the hint name's <c>.cs</c>
/// read as <c>.verified.cs</c>, so <c>Shop.ShopApi.Dispatch.g.cs</c> of <c>DispatcherSnapshotTests.Shop_api</c> is
/// <c>Snapshots/DispatcherSnapshotTests.Shop_api#Shop.ShopApi.Dispatch.g.verified.cs</c>.
/// </summary>
/// <remarks>
/// A test matches all its snapshots in one call. A mismatch or a missing snapshot writes the generated text to
/// <c>.received.cs</c> beside it (git-ignored) and fails with a diff; a snapshot of the test that names none of the
/// files it matched fails as orphaned. <c>HYPERROUTE_ACCEPT_SNAPSHOTS=1</c> accepts instead: it writes the
/// <c>.verified.cs</c> files and deletes the test's orphans, except when <c>CI=true</c>. A theory cannot have
/// snapshots (its cases would share the names). Snapshot files whose test no longer exists are found by
/// <c>SnapshotFileTests</c>.
/// </remarks>
public static class Snapshot
{
    public const string AcceptVariable = "HYPERROUTE_ACCEPT_SNAPSHOTS";

    /// <summary>The folder, beside the test file, that holds its snapshots.</summary>
    public const string DirectoryName = "Snapshots";

    /// <summary>What ends every snapshot file's name: the hint name's <c>.cs</c> becomes <c>.verified.cs</c>.</summary>
    public const string VerifiedExtension = ".verified.cs";

    /// <summary>The snapshot file of <paramref name="hintName"/> generated in <paramref name="testClass"/>.<paramref name="testMethod"/>.</summary>
    public static string FileName(string testClass, string testMethod, string hintName)
        => $"{testClass}.{testMethod}#{StripCs(hintName)}{VerifiedExtension}";

    /// <summary>Matches one generated file; the test has no other snapshot.</summary>
    public static void Match(GeneratedSource source, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
        => Match(new[] { source }, testFile, testMethod);

    /// <summary>Matches every one of <paramref name="sources"/>; the test has no other snapshot.</summary>
    public static void Match(IReadOnlyCollection<GeneratedSource> sources, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        var testClass = Path.GetFileNameWithoutExtension(testFile);
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, DirectoryName);
        var accept = ShouldAccept();
        var failures = new StringBuilder();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var verified = Path.Combine(directory, FileName(testClass, testMethod, source.HintName));
            if (!matched.Add(verified))
            {
                throw new ArgumentException($"{source.HintName} is matched twice.", nameof(sources));
            }

            failures.Append(MatchOne(verified, source.Source.Replace("\r\n", "\n"), accept));
        }

        var prefix = $"{testClass}.{testMethod}#";
        var orphans = Directory.Exists(directory)
            ? Directory.GetFiles(directory, prefix + "*" + VerifiedExtension).Where(f => !matched.Contains(f)).Order(StringComparer.Ordinal).ToList()
            : new List<string>();
        foreach (var orphan in orphans)
        {
            if (accept)
            {
                File.Delete(orphan);
            }
            else
            {
                failures.Append($"Orphaned snapshot {orphan}: the test generated no file of that name (delete it, or accept with {AcceptVariable}=1).\n");
            }
        }

        if (failures.Length > 0)
        {
            throw new XunitException(failures.ToString());
        }
    }

    private static string MatchOne(string verified, string actual, bool accept)
    {
        var received = verified[..^VerifiedExtension.Length] + ".received.cs";
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual || accept)
        {
            if (expected != actual)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
                File.WriteAllText(verified, actual);
            }

            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return string.Empty;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(verified)!);
        File.WriteAllText(received, actual);
        return expected is null
            ? $"No snapshot at {verified}.\nReview {received} and accept it with {AcceptVariable}=1.\n"
            : $"Snapshot mismatch for {verified}.\nReview {received} (accept with {AcceptVariable}=1).\n{TextDiff.Describe(expected, actual)}\n";
    }

    private static string StripCs(string hintName)
        => hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^".cs".Length] : hintName;

    private static bool ShouldAccept()
        => Environment.GetEnvironmentVariable(AcceptVariable) == "1"
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
