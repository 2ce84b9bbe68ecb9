using System;
using System.Buffers.Text;

namespace HyperRoute.Benchmarks.Small;

/// <summary>
/// The floor for the 10-route table: what a careful engineer writes by hand over the same UTF-8 spans. The
/// method is compared first, then each path literal with <see cref="MemoryExtensions.SequenceEqual{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>
/// in declaration order, and <c>{id:int}</c> is a prefix check plus <see cref="Utf8Parser"/>. It returns an
/// HTTP status (200, 404, 405) and the handler's result.
/// </summary>
/// <remarks>
/// It does less than the generated dispatcher and ASP.NET Core: literals compare case-sensitively, and the path
/// is not normalized (no trailing-slash rule, no percent-decoding). That is what makes it a floor.
/// </remarks>
public static class SmallHandWritten
{
    public static int Dispatch(ReadOnlySpan<byte> method, ReadOnlySpan<byte> path, ReadOnlySpan<byte> query, out int result)
    {
        int id;
        if (method.SequenceEqual("GET"u8))
        {
            if (path.SequenceEqual("/"u8))
            {
                result = SmallApi.Root();
                return 200;
            }

            if (path.SequenceEqual("/users"u8))
            {
                result = SmallApi.ListUsers();
                return 200;
            }

            if (TryParseTail(path, "/users/"u8, out id))
            {
                result = SmallApi.GetUser(id);
                return 200;
            }

            if (path.SequenceEqual("/health"u8))
            {
                result = SmallApi.Health();
                return 200;
            }

            if (path.SequenceEqual("/products"u8))
            {
                result = SmallApi.ListProducts();
                return 200;
            }

            if (TryParseTail(path, "/products/"u8, out id))
            {
                result = SmallApi.GetProduct(id);
                return 200;
            }

            if (TryParseOrderItems(path, out id))
            {
                result = SmallApi.ListOrderItems(id);
                return 200;
            }
        }
        else if (method.SequenceEqual("POST"u8))
        {
            if (path.SequenceEqual("/users"u8))
            {
                result = SmallApi.CreateUser();
                return 200;
            }
        }
        else if (method.SequenceEqual("PUT"u8))
        {
            if (TryParseTail(path, "/users/"u8, out id))
            {
                result = SmallApi.UpdateUser(id);
                return 200;
            }
        }
        else if (method.SequenceEqual("DELETE"u8))
        {
            if (TryParseTail(path, "/users/"u8, out id))
            {
                result = SmallApi.DeleteUser(id);
                return 200;
            }
        }

        // No route of this method: 405 when some route of another method has this path, else 404.
        result = 0;
        return IsKnownPath(path) ? 405 : 404;
    }

    private static bool IsKnownPath(ReadOnlySpan<byte> path)
        => path.SequenceEqual("/"u8)
            || path.SequenceEqual("/users"u8)
            || TryParseTail(path, "/users/"u8, out _)
            || path.SequenceEqual("/health"u8)
            || path.SequenceEqual("/products"u8)
            || TryParseTail(path, "/products/"u8, out _)
            || TryParseOrderItems(path, out _);

    // "{prefix}{int}": the rest of the path after the prefix must be exactly one int.
    private static bool TryParseTail(ReadOnlySpan<byte> path, ReadOnlySpan<byte> prefix, out int value)
    {
        value = 0;
        return path.Length > prefix.Length
            && path.StartsWith(prefix)
            && Utf8Parser.TryParse(path.Slice(prefix.Length), out value, out var consumed)
            && consumed == path.Length - prefix.Length;
    }

    // "/orders/{int}/items"
    private static bool TryParseOrderItems(ReadOnlySpan<byte> path, out int value)
    {
        value = 0;
        const int Fixed = 8 + 6; // "/orders/" + "/items"
        return path.Length > Fixed
            && path.StartsWith("/orders/"u8)
            && path.EndsWith("/items"u8)
            && Utf8Parser.TryParse(path.Slice(8, path.Length - Fixed), out value, out var consumed)
            && consumed == path.Length - Fixed;
    }
}
