using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// The analyzers' diagnostics appear in a plain <c>dotnet build</c> of a consuming project, not only in the IDE:
/// builds the deliberately wrong <c>tests/HyperRoute.Analyzers.BuildCheck</c> and reads the IDs from its output.
/// </summary>
public sealed class BuildCheckTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void Dotnet_build_of_a_wrong_consumer_reports_the_route_diagnostics()
    {
        var (exitCode, output) = Build();

        Assert.True(exitCode != 0, "the deliberately wrong project built successfully:\n" + output);
        foreach (var id in new[] { "HR0001", "HR0002", "HR0003", "HR0004", "HR0006", "HR0007", "HR0014" })
        {
            Assert.True(output.Contains($"error {id}:", StringComparison.Ordinal), $"'error {id}:' is not in the build output:\n{output}");
        }

        foreach (var id in new[] { "HR0005", "HR0008" })
        {
            Assert.True(output.Contains($"warning {id}:", StringComparison.Ordinal), $"'warning {id}:' is not in the build output:\n{output}");
        }

        // The analyzer assemblies (code fixes among them) load in the command-line compiler.
        Assert.DoesNotContain("CS8032", output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", output, StringComparison.Ordinal);

        // A router that gets a diagnostic gets no broken generated code: no compiler error points into a .g.cs file.
        Assert.DoesNotContain(".g.cs(", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" error CS", output, StringComparison.Ordinal);
    }

    // The referenced projects were built with this test assembly (same configuration), so they are not rebuilt:
    // the check costs one compile, and it never races a build of the solution. Restore needs no network (the
    // project has no packages of its own). No build servers are left behind.
    private static (int ExitCode, string Output) Build()
    {
        var project = Path.Combine(RepositoryRoot(), "tests", "HyperRoute.Analyzers.BuildCheck", "HyperRoute.Analyzers.BuildCheck.csproj");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in new[]
        {
            "build", project, "-c", Configuration, "-nologo", "-tl:off", "-v:minimal", "-nodeReuse:false",
            "-p:BuildProjectReferences=false", "-p:UseSharedCompilation=false",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"dotnet build did not finish within {Timeout.TotalMinutes} minutes:\n{Snapshot(output)}");
        }

        process.WaitForExit(); // drains the redirected streams
        return (process.ExitCode, Snapshot(output));
    }

    // dotnet test runs the tests under the same host it was started with; DOTNET_HOST_PATH names it.
    private static string DotnetHost()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperRoute.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No HyperRoute.Generators.sln above {AppContext.BaseDirectory}");
    }
}
