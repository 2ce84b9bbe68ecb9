using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.WebSockets;

/// <summary>
/// Runs the clients nobody here wrote (tests/interop/): Debian's Python <c>websockets</c>, npm's <c>ws</c>, headless
/// Chromium. A missing client fails the test with how to install it (<c>.ci/install-interop-clients.sh</c>), never skips.
/// </summary>
public static class InteropClients
{
    public const string Install = "Install the interop clients with .ci/install-interop-clients.sh (python3-websockets, chromium, npm ws).";

    public const string DebianPython = "/usr/bin/python3";

    /// <summary>The repository's root (where HyperRoute.Generators.sln is).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>tests/interop/.</summary>
    public static string Folder => Path.Combine(RepositoryRoot, "tests", "interop");

    /// <summary>Where tests keep what a person may want to look at afterwards (screenshots): tests/interop/artifacts/.</summary>
    public static string Artifacts
    {
        get
        {
            var path = Path.Combine(Folder, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static void RequirePythonWebsockets()
    {
        var (code, _, _) = RunAsync(DebianPython, ["-c", "import websockets"], TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        Assert.True(code == 0, $"Debian's Python websockets is missing ({DebianPython} -c 'import websockets' failed). {Install}");
    }

    public static void RequireNodeWs()
    {
        Assert.True(File.Exists("/usr/bin/node") || File.Exists("/usr/local/bin/node"), $"Node.js is missing. {Install}");
        Assert.True(File.Exists(Path.Combine(Folder, "node_modules", "ws", "package.json")), $"npm's ws is missing from tests/interop/node_modules. {Install}");
    }

    public static string RequireChromium()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"Chromium is missing. {Install}");
        return "";
    }

    /// <summary>Runs a process to completion (killed after <paramref name="timeout"/>): exit code and output.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string file, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, "", $"{file} could not start: {exception.Message}");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync().WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return (-1, await output, $"{await error}\n{file} did not finish within {timeout}.");
            }

            return (process.ExitCode, await output, await error);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperRoute.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (HyperRoute.Generators.sln) is not above the test assembly.");
    }
}
