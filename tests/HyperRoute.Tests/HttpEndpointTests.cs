using System;
using System.Text;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests;

/// <summary>Routers served through their generated <c>HttpEndpoint</c>: raw request bytes in, <c>Serve</c>, the response out.</summary>
public sealed class HttpEndpointTests
{
    private readonly HttpExchange _exchange = new();

    [Fact]
    public void Headers_bind_by_name_in_any_case_and_convert_to_the_parameter_type()
    {
        var match = Serve<TenantApi.HttpEndpoint>("GET /tenants/7 HTTP/1.1\r\nHost: x\r\nx-TENANT: acme\r\nX-Limit: 5\r\nX-Trace: 99\r\n\r\n");

        Assert.True(match.IsHandled);
        Assert.Equal("id=7 tenant=acme limit=5 trace=99", TenantApi.Seen);
    }

    [Fact]
    public void Handler_writes_the_response_through_its_http_response_parameter()
    {
        Serve<TenantApi.HttpEndpoint>("GET /tenants/7 HTTP/1.1\r\nHost: x\r\nX-Tenant: acme\r\nX-Limit: 5\r\n\r\n");

        Assert.Equal(203, _exchange.Response.StatusCode);
        Assert.Equal(4, _exchange.Response.BodyLength);
    }

    [Fact]
    public void Absent_nullable_header_binds_null()
    {
        Serve<TenantApi.HttpEndpoint>("GET /tenants/7 HTTP/1.1\r\nHost: x\r\nX-Tenant: acme\r\nX-Limit: 5\r\n\r\n");

        Assert.Equal("id=7 tenant=acme limit=5 trace=null", TenantApi.Seen);
    }

    [Fact]
    public void Missing_required_header_is_a_bad_request_naming_the_parameter()
    {
        TenantApi.Seen = null;

        var match = Serve<TenantApi.HttpEndpoint>("GET /tenants/7 HTTP/1.1\r\nHost: x\r\nX-Limit: 5\r\n\r\n");

        Assert.Equal(RouteOutcome.BadRequest, match.Outcome);
        Assert.Equal(RouteProblem.MissingHeader, match.Problem);
        Assert.Equal("tenant", TenantApi.ParameterName(match));
        Assert.Equal("GET /tenants/{id:int}", TenantApi.RoutePatterns[match.Route]);
        Assert.Null(TenantApi.Seen);
    }

    [Fact]
    public void Header_that_does_not_convert_is_a_bad_request_naming_the_parameter()
    {
        var match = Serve<TenantApi.HttpEndpoint>("GET /tenants/7 HTTP/1.1\r\nHost: x\r\nX-Tenant: acme\r\nX-Limit: five\r\n\r\n");

        Assert.Equal(RouteOutcome.BadRequest, match.Outcome);
        Assert.Equal(RouteProblem.InvalidHeaderValue, match.Problem);
        Assert.Equal("limit", TenantApi.ParameterName(match));
    }

    [Fact]
    public void Optional_nullable_header_that_does_not_convert_is_a_bad_request()
    {
        var match = Serve<TenantApi.HttpEndpoint>("GET /optional HTTP/1.1\r\nHost: x\r\nX-Id: not-a-guid\r\n\r\n");

        Assert.Equal(RouteProblem.InvalidHeaderValue, match.Problem);
        Assert.Equal("id", TenantApi.ParameterName(match));
    }

    [Fact]
    public void Optional_headers_take_their_defaults_when_absent()
    {
        var match = Serve<TenantApi.HttpEndpoint>("GET /optional HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.True(match.IsHandled);
        Assert.Equal("limit=10 name=null id=null", TenantApi.Seen);
    }

    [Fact]
    public void Optional_headers_bind_when_present()
    {
        Serve<TenantApi.HttpEndpoint>("GET /optional HTTP/1.1\r\nHost: x\r\nX-LIMIT: 3\r\nX-Name: Zoë\r\nX-Id: 0f8fad5b-d9cb-469f-a165-70867728950e\r\n\r\n");

        Assert.Equal("limit=3 name=Zoë id=0f8fad5b-d9cb-469f-a165-70867728950e", TenantApi.Seen);
    }

    [Fact]
    public void Two_routes_spelling_one_header_differently_share_its_slot()
    {
        // GetTenant binds "X-Limit", Optional binds "x-limit": one slot, so one header table entry.
        Assert.Equal(TenantApi.HttpEndpoint.HeaderSlot("X-LIMIT"u8), TenantApi.HttpEndpoint.HeaderSlot("x-limit"u8));
        Assert.Equal(5, TenantApi.HttpEndpoint.HeaderSlotCount); // X-Tenant, X-Limit, X-Trace, X-Name, X-Id
        Assert.Equal(-1, TenantApi.HttpEndpoint.HeaderSlot("X-Other"u8));
    }

    [Fact]
    public void Bound_header_sent_twice_is_rejected_by_the_parser()
    {
        var bytes = Encoding.UTF8.GetBytes("GET /optional HTTP/1.1\r\nHost: x\r\nX-Limit: 1\r\nx-limit: 2\r\n\r\n");

        Assert.Equal(HttpError.DuplicateBoundHeader, _exchange.Request.Load<TenantApi.HttpEndpoint>(bytes, 0, bytes.Length));
    }

    [Fact]
    public void Unbound_header_sent_twice_is_not_an_error()
    {
        var match = Serve<TenantApi.HttpEndpoint>("GET /plain HTTP/1.1\r\nHost: x\r\nX-Other: 1\r\nX-Other: 2\r\n\r\n");

        Assert.True(match.IsHandled);
    }

    [Fact]
    public void Body_binds_the_request_body_as_received()
    {
        var match = Serve<TenantApi.HttpEndpoint>("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world");

        Assert.True(match.IsHandled);
        Assert.Equal("body=hello world", TenantApi.Seen);
        Assert.Equal(201, _exchange.Response.StatusCode);
        Assert.Equal(11, _exchange.Response.BodyLength);
    }

    [Fact]
    public void Exchange_and_request_parameters_receive_the_exchange_being_served()
    {
        Serve<TenantApi.HttpEndpoint>("GET /exchange HTTP/1.1\r\nHost: example.org\r\n\r\n");

        Assert.Equal("same=True host=example.org", TenantApi.Seen);
    }

    [Fact]
    public void Not_found_and_method_not_allowed_come_back_unserved()
    {
        Assert.Equal(RouteOutcome.NotFound, Serve<TenantApi.HttpEndpoint>("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n").Outcome);
        var match = Serve<TenantApi.HttpEndpoint>("PUT /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal(RouteOutcome.MethodNotAllowed, match.Outcome);
        Assert.Equal(HttpMethods.Post, match.Allow);
    }

    [Fact]
    public void Http_result_is_written_to_the_response()
    {
        var match = Serve<StatusApi.HttpEndpoint>("GET /teapot HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.True(match.IsHandled);
        Assert.Equal(418, _exchange.Response.StatusCode);
    }

    [Fact]
    public void Http_result_router_binds_headers_too()
    {
        Serve<StatusApi.HttpEndpoint>("GET /status HTTP/1.1\r\nHost: x\r\nX-Status: 202\r\n\r\n");

        Assert.Equal(202, _exchange.Response.StatusCode);
    }

    [Fact]
    public void Void_handler_of_an_http_result_router_writes_its_own_response_and_no_result_is_written()
    {
        var match = Serve<StatusApi.HttpEndpoint>("DELETE /cache HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.True(match.IsHandled);
        Assert.Equal(204, _exchange.Response.StatusCode);
    }

    [Fact]
    public void Instance_router_endpoint_runs_the_handlers_on_the_instance()
    {
        var api = new HitsApi();
        var endpoint = new HitsApi.HttpEndpoint(api);

        Serve(endpoint, "POST /hit HTTP/1.1\r\nHost: x\r\nX-By: 5\r\n\r\n");
        Serve(endpoint, "POST /hit HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Equal(6, api.Hits);
    }

    [Fact]
    public void Router_without_exchange_bindings_is_served_by_its_endpoint_and_by_dispatch()
    {
        var match = Serve<CounterApi.HttpEndpoint>("GET /static HTTP/1.1\r\nHost: x\r\n\r\n", new CounterApi.HttpEndpoint(new CounterApi()));

        Assert.True(match.IsHandled);
        Assert.True(new CounterApi().Dispatch("GET"u8, "/static"u8, default).IsHandled);
    }

    [Fact]
    public void A_route_whose_handler_throws_has_noted_its_index_on_the_exchange_first()
    {
        _exchange.Route = -1;

        Assert.Throws<InvalidOperationException>(() => Serve<ExchangeFaultApi.HttpEndpoint>("GET /boom/3 HTTP/1.1\r\nHost: x\r\n\r\n"));

        Assert.Equal("GET /boom/{id:int}", ExchangeFaultApi.RoutePatterns[_exchange.Route]);
    }

    [Fact]
    public void A_router_that_takes_no_exchange_notes_its_route_on_the_exchange_its_endpoint_serves()
    {
        _exchange.Route = -1;

        Assert.Throws<InvalidOperationException>(() => Serve<PlainFaultApi.HttpEndpoint>("GET /boom/3 HTTP/1.1\r\nHost: x\r\n\r\n"));

        Assert.Equal("GET /boom/{id:int}", PlainFaultApi.RoutePatterns[_exchange.Route]);
    }

    [Fact]
    public void A_request_no_route_matches_leaves_the_exchange_without_a_route()
    {
        _exchange.Route = -1;

        var match = Serve<PlainFaultApi.HttpEndpoint>("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Equal((RouteOutcome.NotFound, -1), (match.Outcome, _exchange.Route));
    }

    [Fact]
    public void In_process_dispatch_of_a_router_that_takes_no_exchange_still_names_its_route_in_the_match()
    {
        var match = PlainFaultApi.Dispatch("GET"u8, "/counts/12"u8, default);

        Assert.Equal((true, "GET /counts/{id:int}", 12), (match.IsHandled, PlainFaultApi.RoutePatterns[match.Route], PlainFaultApi.Sink));
    }

    private RouteMatch Serve<TEndpoint>(string request, TEndpoint endpoint = default)
        where TEndpoint : struct, IHttpEndpoint
        => Serve(endpoint, request);

    private RouteMatch Serve<TEndpoint>(TEndpoint endpoint, string request)
        where TEndpoint : struct, IHttpEndpoint
    {
        var bytes = Encoding.UTF8.GetBytes(request);
        Assert.Equal(HttpError.None, _exchange.Request.Load<TEndpoint>(bytes, 0, bytes.Length));
        return endpoint.Serve(_exchange);
    }
}
