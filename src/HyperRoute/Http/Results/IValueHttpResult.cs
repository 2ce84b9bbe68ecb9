using System.Text.Json.Serialization.Metadata;

namespace HyperRoute.Http.Results;

/// <summary>
/// A result that carries a value written as <c>application/json</c> (<see cref="Ok{TValue}"/>, <see cref="Created{TValue}"/>,
/// …). It cannot write itself: the generated router knows <typeparamref name="TValue"/> at compile time and passes the
/// <see cref="JsonTypeInfo{T}"/> of its JSON context, so the value is written without reflection or boxing.
/// </summary>
/// <typeparam name="TValue">The type of the value.</typeparam>
public interface IValueHttpResult<TValue>
{
    /// <summary>The status code the result answers with.</summary>
    int StatusCode { get; }

    /// <summary>The value written as the body (none when it is <see langword="null"/>).</summary>
    TValue? Value { get; }

    /// <summary>Writes the status, headers and <see cref="Value"/> (as JSON, with <paramref name="typeInfo"/>) to <paramref name="response"/>.</summary>
    void WriteTo(HttpResponse response, JsonTypeInfo<TValue> typeInfo);
}
