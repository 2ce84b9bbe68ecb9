using System;
using System.IO;
using HyperRoute.Samples.Api;
using Xunit;

namespace HyperRoute.Tests.OpenApi;

/// <summary>
/// <c>HyperRouteOpenApiOutput</c>: building the sample (which sets it to <c>obj/openapi</c>) wrote its document to a file,
/// the same bytes the assembly holds, without the app being run.
/// </summary>
public sealed class OpenApiBuildOutputTests
{
    [Fact]
    public void Building_the_sample_writes_its_document_to_the_output_directory()
    {
        var file = Path.Combine(RepositoryRoot(), "samples", "HyperRoute.Samples.Api", "obj", "openapi", "HyperRoute.Samples.Api.ShopApi.json");

        Assert.True(File.Exists(file), file + " was not written by the build");
        Assert.Equal(ShopApi.OpenApiJson + "\n", File.ReadAllText(file));
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

        throw new InvalidOperationException("The repository root (HyperRoute.Generators.sln) is not above " + AppContext.BaseDirectory);
    }
}
