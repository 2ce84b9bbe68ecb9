using System.Collections.Immutable;
using System.Linq;
using HyperRoute.Generators.Steps;
using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Reads what a handler returns (an async handler's <c>T</c>) into the <see cref="ResultSpec"/> that says how it is
/// written as the response and every response it can give, or says why it cannot be written.
/// </summary>
internal static class ResultReader
{
    private const string OctetStream = "application/octet-stream";
    private const string TextPlain = "text/plain; charset=utf-8";
    private const string ApplicationJson = "application/json";
    private const string ProblemJson = "application/problem+json";

    /// <summary>
    /// The spec of <paramref name="type"/>; <see langword="null"/> with <paramref name="whyNot"/> (a clause that follows
    /// "which") when it cannot be written.
    /// </summary>
    public static ResultSpec? Read(ITypeSymbol type, JsonBodyContext json, out string? whyNot)
    {
        whyNot = null;
        var typeName = type.ToDisplayString(HandlerRules.ResultTypeFormat);
        var mayBeNull = !type.IsValueType;
        if (type.SpecialType == SpecialType.System_String)
        {
            return Simple(ResultKind.Text, typeName, mayBeNull, new ResponseSpec(200, TextPlain, null));
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte } || IsReadOnlyMemoryOfByte(type))
        {
            return Simple(ResultKind.Bytes, typeName, mayBeNull, new ResponseSpec(200, OctetStream, null));
        }

        if (type is INamedTypeSymbol { Name: "Results", Arity: >= 2 and <= 6 } union && InResultsNamespace(union))
        {
            var cases = ImmutableArray.CreateBuilder<ResultSpec>();
            for (var i = 0; i < union.TypeArguments.Length; i++)
            {
                var argument = union.TypeArguments[i];
                var spec = ReadResult(argument, json, out var caseWhyNot);
                if (spec is null)
                {
                    whyNot = caseWhyNot is null
                        ? $"has case {(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}, '{HandlerRules.Display(argument)}', which is not a result; each case of Results<…> is an IHttpResult or a result with a value, such as Ok<T> or NotFound"
                        : $"has case {(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}, '{HandlerRules.Display(argument)}', {caseWhyNot}";
                    return null;
                }

                cases.Add(spec);
            }

            return new ResultSpec
            {
                Kind = ResultKind.Union,
                TypeName = typeName,
                Cases = new EquatableArray<ResultSpec>(cases.ToImmutable()),
                Responses = new EquatableArray<ResponseSpec>(cases.SelectMany(c => c.Responses).ToImmutableArray()),
            };
        }

        var result = ReadResult(type, json, out whyNot);
        if (result is not null || whyNot is not null)
        {
            return result;
        }

        var jsonType = HandlerParameterReader.JsonType(type);
        whyNot = WhyNotJson(type, jsonType, json);
        return whyNot is null
            ? new ResultSpec { Kind = ResultKind.Json, TypeName = typeName, MayBeNull = mayBeNull, ValueType = jsonType, Responses = One(new ResponseSpec(200, ApplicationJson, jsonType)) }
            : null;
    }

    // An IHttpResult or an IValueHttpResult<T>; null without whyNot for any other type.
    private static ResultSpec? ReadResult(ITypeSymbol type, JsonBodyContext json, out string? whyNot)
    {
        whyNot = null;
        var typeName = type.ToDisplayString(HandlerRules.ResultTypeFormat);
        var interfaces = type is INamedTypeSymbol { TypeKind: TypeKind.Interface } self ? type.AllInterfaces.Add(self) : type.AllInterfaces;
        var valued = interfaces.FirstOrDefault(i => i is { Name: "IValueHttpResult", Arity: 1 } && InResultsNamespace(i));
        if (valued is not null)
        {
            var value = valued.TypeArguments[0];
            var valueType = HandlerParameterReader.JsonType(value);
            whyNot = WhyNotJson(value, valueType, json);
            if (whyNot is not null)
            {
                whyNot = $"whose value '{HandlerRules.Display(value)}' is written as JSON, " + whyNot;
                return null;
            }

            return new ResultSpec
            {
                Kind = ResultKind.ValueResult,
                TypeName = typeName,
                MayBeNull = !type.IsValueType,
                ValueType = valueType,
                Responses = One(new ResponseSpec(KnownStatus(type), ApplicationJson, valueType)),
            };
        }

        if (KnownNames.IsOrImplements(type, KnownNames.HttpResultInterface))
        {
            return Simple(ResultKind.HttpResult, typeName, !type.IsValueType, Known(type));
        }

        return null;
    }

    // What the results of HyperRoute.Http.Results answer; a result of the user's own is decided at run time.
    private static ResponseSpec Known(ITypeSymbol type)
    {
        if (!InResultsNamespace(type))
        {
            return new ResponseSpec(0, null, null);
        }

        return type.Name switch
        {
            "ProblemHttpResult" => new ResponseSpec(0, ProblemJson, null),
            "ValidationProblem" => new ResponseSpec(400, ProblemJson, null),
            "TextHttpResult" => new ResponseSpec(200, TextPlain, null),
            "FileContentHttpResult" => new ResponseSpec(200, null, null),
            _ => new ResponseSpec(KnownStatus(type), null, null),
        };
    }

    private static int KnownStatus(ITypeSymbol type) => !InResultsNamespace(type) ? 0 : type.Name switch
    {
        "Ok" => 200,
        "Created" => 201,
        "Accepted" => 202,
        "NoContent" => 204,
        "BadRequest" => 400,
        "NotFound" => 404,
        "Conflict" => 409,
        _ => 0,
    };

    // Why the router's JSON context cannot write a value of type; null when it can.
    private static string? WhyNotJson(ITypeSymbol type, string? jsonType, JsonBodyContext json)
    {
        var display = HandlerRules.Display(type).TrimEnd('?');
        if (jsonType is null)
        {
            return "cannot be written as JSON; return a value, a string, bytes, or a result from HttpResults";
        }

        if (json.TypeName is null)
        {
            return $"would be written as JSON, but the router names no JSON context; add [Router(Json = typeof(AppJson))] with a System.Text.Json JsonSerializerContext that lists it: [JsonSerializable(typeof({display}))] partial class AppJson : JsonSerializerContext";
        }

        if (json.WhyNot is not null)
        {
            return $"would be written as JSON, but the router's Json type '{json.Display}' {json.WhyNot}";
        }

        return json.Serializable.Contains(jsonType)
            ? null
            : $"would be written as JSON, but the router's JSON context '{json.Display}' does not list it; add [JsonSerializable(typeof({display}))] to '{json.Display}'";
    }

    private static bool IsReadOnlyMemoryOfByte(ITypeSymbol type)
        => type is INamedTypeSymbol { Name: "ReadOnlyMemory", Arity: 1, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } memory
            && memory.TypeArguments[0].SpecialType == SpecialType.System_Byte;

    private static bool InResultsNamespace(ITypeSymbol type)
        => type.ContainingNamespace?.ToDisplayString() == KnownNames.ResultsNamespace;

    private static ResultSpec Simple(ResultKind kind, string typeName, bool mayBeNull, ResponseSpec response)
        => new() { Kind = kind, TypeName = typeName, MayBeNull = mayBeNull, Responses = One(response) };

    private static EquatableArray<ResponseSpec> One(ResponseSpec response) => new(ImmutableArray.Create(response));
}
