using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HyperRoute.Testing;

/// <summary>
/// What every analyzer and code-fix test shares: the references and options of <see cref="CompilationFactory"/>, and
/// checks the testing library leaves out for markup (<c>{|HR0001:…|}</c> compares ID and span only).
/// </summary>
/// <remarks>
/// The library's reference assemblies are packages it downloads at test time (<c>ReferenceAssemblies.Net.Net80</c>).
/// These tests download nothing: the reference set names a target framework and no package, and the references are
/// the running runtime's assemblies and <c>HyperRoute.dll</c>, as <see cref="CompilationFactory"/> loads them.
/// </remarks>
internal static partial class VerifierSetup
{
    /// <summary>A reference set without packages: resolving it reads no feed.</summary>
    public static ReferenceAssemblies NoPackages { get; } = new("net10.0");

    /// <summary>Gives <paramref name="test"/> the references of <see cref="CompilationFactory"/> and the extra checks.</summary>
    public static void Configure(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = NoPackages;
        test.TestState.AdditionalReferences.AddRange(CompilationFactory.References);
        test.DiagnosticVerifier = CheckSeverityAndMessage;
    }

    // Every analyzer diagnostic is reported at its descriptor's severity (markup expectations skip the severity) and
    // its message has every placeholder filled (a missing argument leaves the raw format).
    private static void CheckSeverityAndMessage(Diagnostic actual, DiagnosticResult expected, IVerifier verifier)
    {
        if (!actual.Id.StartsWith("HR", System.StringComparison.Ordinal))
        {
            return;
        }

        verifier.Equal(
            actual.Descriptor.DefaultSeverity,
            actual.Severity,
            $"{actual.Id} was reported as {actual.Severity}, its descriptor says {actual.Descriptor.DefaultSeverity}");
        var message = actual.GetMessage(CultureInfo.InvariantCulture);
        verifier.False(
            UnfilledPlaceholder().IsMatch(message),
            $"The message of {actual.Id} has a placeholder without an argument: {message}");
    }

    [GeneratedRegex(@"\{[0-9]+(,[^}]*)?(:[^}]*)?\}")]
    private static partial Regex UnfilledPlaceholder();
}
