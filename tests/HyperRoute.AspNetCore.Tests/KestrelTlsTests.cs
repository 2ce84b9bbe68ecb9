using System;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using HyperRoute.Samples.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>A real Kestrel on 127.0.0.1 with TLS: the router answers over HTTP/2 as over HTTP/1.1.</summary>
public sealed class KestrelTlsTests
{
    [Fact]
    public async Task Routes_answer_over_http2_with_tls_on_kestrel()
    {
        using var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(certificate);
        }));
        await using var app = builder.Build();
        app.UseHyperRoute(new ShopApi.HttpEndpoint());
        await app.StartAsync();
        var address = new Uri(Assert.Single(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses));

        using var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
        };
        using var client = new HttpClient(handler) { BaseAddress = address, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var user = await client.GetAsync("/users/42");
        using var order = await client.PostAsync("/orders", new StringContent("{\"sku\":\"A-1\",\"quantity\":2}", System.Text.Encoding.UTF8, "application/json"));
        using var missing = await client.GetAsync("/nowhere");

        Assert.Equal(HttpVersion.Version20, user.Version);
        Assert.Equal("{\"id\":42}", await user.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, order.StatusCode); // no X-Tenant: the route's validator refuses it
        Assert.Equal("application/problem+json", order.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await app.StopAsync();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
