using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperRoute.Testing;

/// <summary>
/// Builds in-memory compilations of test sources against the running framework and the HyperRoute runtime. The
/// analyzer and code-fix verifiers use the same references and options, so every test compiles its source alike.
/// </summary>
public static class CompilationFactory
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> LoadedReferences = new(LoadReferences);

    /// <summary>The parse options every test compilation uses: the latest language version.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>The compilation options every test compilation uses: a DLL with nullable reference types enabled.</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>
    /// The running runtime's <c>System.*</c>, <c>mscorlib</c> and <c>netstandard</c> assemblies and <c>HyperRoute.dll</c>:
    /// read from disk, never downloaded.
    /// </summary>
    public static IReadOnlyList<MetadataReference> References => LoadedReferences.Value;

    /// <summary>Creates a DLL compilation of <paramref name="sources"/> named <c>Tests</c>.</summary>
    public static CSharpCompilation Create(params string[] sources)
        => CSharpCompilation.Create(
            "Tests",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References,
            CompilationOptions);

    /// <summary>Errors and warnings of a compilation, as readable lines.</summary>
    public static IReadOnlyList<string> Problems(Compilation compilation)
        => compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll");
        return platform
            .Append(typeof(RouteMatch).Assembly.Location)
            // [FromKeyedServices] is Microsoft.Extensions.DependencyInjection's, which the runtime references.
            .Append(typeof(Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}
