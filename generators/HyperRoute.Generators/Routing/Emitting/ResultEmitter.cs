using HyperRoute.Generators.Emitting;
using System.Globalization;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Writes the statements that answer with what a handler returned: an <c>IHttpResult</c> writes itself, a result with a
/// value (<c>Ok&lt;T&gt;</c>, …) and a returned value are written as JSON with the router's cached
/// <c>JsonTypeInfo&lt;T&gt;</c>, a <c>Results&lt;…&gt;</c> union is a switch on its case, a string is text and bytes are
/// bytes. The type is known here, so nothing is boxed and nothing is looked up at run time.
/// </summary>
internal static class ResultEmitter
{
    private const string Writer = "Http::Results.ResultWriter";
    private const string Response = "exchange.Response";

    /// <summary>Writes <paramref name="value"/>, of <paramref name="result"/>'s type, to the exchange's response.</summary>
    /// <param name="route">The route whose result it is: in an app, its router's JSON context writes it; <see langword="null"/> for the router's.</param>
    public static void Write(SourceWriter writer, ResultSpec result, string value, RouteSpec? route = null)
    {
        switch (result.Kind)
        {
            case ResultKind.HttpResult:
                writer.Line(result.MayBeNull ? $"{value}?.WriteTo({Response});" : $"{value}.WriteTo({Response});");
                break;
            case ResultKind.ValueResult:
                writer.Line(result.MayBeNull
                    ? $"{value}?.WriteTo({Response}, {Field(result, route)});"
                    : $"{value}.WriteTo({Response}, {Field(result, route)});");
                break;
            case ResultKind.Json:
                writer.Line($"{Writer}.Json<{result.ValueType}>({Response}, {value}{(result.MayBeNull ? "!" : "")}, {Field(result, route)});", "200 application/json");
                break;
            case ResultKind.Text:
                writer.Line($"{Writer}.Text({Response}, {value});", "200 text/plain; charset=utf-8");
                break;
            case ResultKind.Bytes:
                writer.Line($"{Writer}.Bytes({Response}, {value});", "200 application/octet-stream");
                break;
            case ResultKind.Union:
                WriteUnion(writer, result, value, route);
                break;
        }
    }

    // The dispatcher's cached JsonTypeInfo<T>, named through the dispatcher: Serve, in HttpEndpoint, writes results too.
    private static string Field(ResultSpec result, RouteSpec? route) => ReservedNames.Machinery + "." + HandlerCallWriter.JsonField(route, result.ValueType!);

    private static void WriteUnion(SourceWriter writer, ResultSpec union, string value, RouteSpec? route)
    {
        writer.Line($"switch ({value}.Case)");
        using (writer.Braces())
        {
            for (var i = 0; i < union.Cases.Count; i++)
            {
                var item = union.Cases[i];
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                writer.Line($"case {number}:", Describe(item));
                using (writer.Indent())
                {
                    Write(writer, item, $"{value}.Result{number}", route);
                    writer.Line("break;");
                }
            }

            writer.Comment("default: the default value holds no result, and the response stays 200 and empty.");
        }
    }

    // "Ok<Todo>: 200 application/json"
    private static string Describe(ResultSpec result)
    {
        var response = result.Responses[0];
        var name = result.TypeName.Replace("global::HyperRoute.Http.Results.", "").Replace("global::", "");
        var status = response.Status == 0 ? "status at run time" : response.Status.ToString(CultureInfo.InvariantCulture);
        return response.ContentType is null ? $"{name}: {status}" : $"{name}: {status} {response.ContentType}";
    }
}
