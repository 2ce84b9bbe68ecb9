extern alias hosted;

using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

using ICatalog = hosted::HyperRoute.Samples.Hosted.ICatalog;
using NewProduct = hosted::HyperRoute.Samples.Hosted.NewProduct;
using Product = hosted::HyperRoute.Samples.Hosted.Product;
using Program = hosted::Program;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>The hosted sample under <see cref="WebApplicationFactory{TEntryPoint}"/>: its own Program, services and pipeline.</summary>
public sealed class HostedSampleTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public HostedSampleTests(WebApplicationFactory<Program> factory) => _factory = factory;

    [Fact]
    public async Task Route_resolves_its_service_and_writes_its_result()
    {
        using var client = _factory.CreateClient();

        var product = await client.GetFromJsonAsync<Product>("/products/1");

        Assert.Equal(new Product(1, "kettle", 24.5m), product);
    }

    [Fact]
    public async Task Json_body_is_read_and_created_is_answered_with_its_location()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/products", new NewProduct("teapot", 12m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<Product>();
        Assert.Equal("teapot", created!.Name);
        Assert.Equal($"/products/{created.Id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Unknown_product_is_the_results_not_found()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/products/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Unmatched_path_falls_through_to_the_minimal_api()
    {
        using var client = _factory.CreateClient();

        Assert.Equal("healthy", await client.GetStringAsync("/health"));
    }

    [Fact]
    public async Task Scoped_service_is_one_instance_per_request()
    {
        using var client = _factory.CreateClient();

        var first = (await client.GetStringAsync("/stamp")).Split('/');
        var second = (await client.GetStringAsync("/stamp")).Split('/');

        Assert.Equal(first[0], first[1]);
        Assert.NotEqual(first[0], second[0]);
    }

    [Fact]
    public async Task Keyed_service_reaches_its_handler()
    {
        using var client = _factory.CreateClient();

        Assert.Equal("hello from a keyed service", await client.GetStringAsync("/greeting"));
    }

    [Fact]
    public async Task Test_services_replace_the_application_registration()
    {
        using var factory = _factory.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<ICatalog, FixedCatalog>()));
        using var client = factory.CreateClient();

        var product = await client.GetFromJsonAsync<Product>("/products/7");

        Assert.Equal(new Product(7, "test double", 1m), product);
    }

    private sealed class FixedCatalog : ICatalog
    {
        public Product? Find(int id) => new(id, "test double", 1m);

        public Product Add(NewProduct product) => new(0, product.Name, product.Price);
    }
}
