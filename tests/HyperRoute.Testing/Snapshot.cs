using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace HyperRoute.Testing;

/// <summary>
/// Compares text with a checked-in <c>Snapshots/{Class}.{Method}#{Name}.verified.cs</c> beside the test file.
/// A mismatch or a missing snapshot writes <c>.received.cs</c> and fails with a diff. Setting
/// <c>HYPERROUTE_ACCEPT_SNAPSHOTS=1</c> accepts the received text instead, except when <c>CI=true</c>.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "HYPERROUTE_ACCEPT_SNAPSHOTS";

    public static void Match(string actual, string name, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        var testClass = Path.GetFileNameWithoutExtension(testFile);
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var stem = Path.Combine(directory, $"{testClass}.{testMethod}#{name}");
        var verified = stem + ".verified.cs";
        var received = stem + ".received.cs";
        actual = actual.Replace("\r\n", "\n");

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        Directory.CreateDirectory(directory);
        if (ShouldAccept())
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        File.WriteAllText(received, actual);
        throw new XunitException(expected is null
            ? $"No snapshot at {verified}.\nReview {received} and accept it with {AcceptVariable}=1."
            : $"Snapshot mismatch for {verified}.\nReview {received} (accept with {AcceptVariable}=1).\n{TextDiff.Describe(expected, actual)}");
    }

    private static bool ShouldAccept()
        => Environment.GetEnvironmentVariable(AcceptVariable) == "1"
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
