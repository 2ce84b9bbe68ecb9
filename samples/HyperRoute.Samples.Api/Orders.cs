using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using HyperRoute;
using HyperRoute.Http;

namespace HyperRoute.Samples.Api;

/// <summary>An order as clients post it (JSON).</summary>
public sealed record Order(string Sku, int Quantity);

/// <summary>What <c>POST /orders</c> answers (JSON).</summary>
public sealed record OrderAccepted(int Id, string Sku, int Quantity, string Status);

/// <summary>
/// System.Text.Json source-generated metadata for the sample's bodies and results: no reflection. It sets no options
/// of its own, so the router reads and writes with ASP.NET Core's web defaults (camelCase, case-insensitive names,
/// numbers from strings).
/// </summary>
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(OrderAccepted))]
[JsonSerializable(typeof(StoredOrder))]
[JsonSerializable(typeof(Todo))]
[JsonSerializable(typeof(TodoInput))]
[JsonSerializable(typeof(List<Todo>))]
public sealed partial class ShopJson : JsonSerializerContext;

/// <summary>Destination side: an order must name a product and ask for 1 to 100 of it.</summary>
[Validator]
public readonly partial struct ValidOrder : IValidator<Order>
{
    public static ValidationResult Validate(in Order order)
    {
        if (string.IsNullOrWhiteSpace(order.Sku))
        {
            return ValidationResult.Fail("sku"u8, "an order names a product (sku)"u8);
        }

        return order.Quantity is >= 1 and <= 100 ? ValidationResult.Ok : ValidationResult.Fail("quantity"u8, "quantity must be between 1 and 100"u8);
    }
}

/// <summary>Source side: writes need a tenant.</summary>
[Validator]
public readonly partial struct TenantRequired : IRequestValidator
{
    public static ValidationResult Validate(HttpRequest request)
        => request.TryGetTenant() ? ValidationResult.Ok : ValidationResult.Fail("X-Tenant"u8, "send the X-Tenant header"u8, 401);
}

/// <summary>On the way out: answers to writes are not cached.</summary>
[Transform]
public readonly partial struct NoStore : IResponseTransform
{
    public static void Transform(HttpRequest request, HttpResponse response) => response.SetHeader("Cache-Control"u8, "no-store"u8);
}

internal static class TenantHeader
{
    // The slot the generated parser keeps X-Tenant in (POST /users binds it): looked up once, not per request.
    private static readonly int Slot = ShopApi.HttpEndpoint.HeaderSlot("X-Tenant"u8);

    /// <summary>Whether the request carries a non-empty X-Tenant header.</summary>
    public static bool TryGetTenant(this HttpRequest request)
        => request.TryGetHeader(Slot, out ReadOnlySpan<byte> tenant) && !tenant.IsEmpty;
}
