// These routers test what each kind of result writes; the handlers that build new values allocate on purpose.
#pragma warning disable HR1001, HR1006, HR1009

using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Results;

namespace HyperRoute.Tests.Results;

public sealed record Todo(int Id, string Title, bool Done);

public sealed record ApiError(string Message);

/// <summary>A JSON context without options of its own: the router gives it ASP.NET Core's web defaults.</summary>
[JsonSerializable(typeof(Todo))]
[JsonSerializable(typeof(List<Todo>))]
[JsonSerializable(typeof(ApiError))]
public partial class TodoJson : JsonSerializerContext;

/// <summary>A JSON context with options of its own (PascalCase names kept): the router uses them as they are.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(Todo))]
public partial class PascalJson : JsonSerializerContext;

/// <summary>Every way a handler can answer, one route each; the handlers return different types.</summary>
[Router(Json = typeof(TodoJson))]
public static partial class ResultsApi
{
    public static readonly Todo Cached = new(1, "cached", false);
    private static readonly byte[] s_bytes = [1, 2, 3];
    private static readonly byte[] s_hello = "<p>hi</p>"u8.ToArray();
    private static readonly Dictionary<string, string[]> s_errors = new() { ["title"] = ["must not be empty"] };

    [Route("GET /todos/{id:int}")]
    public static Results<Ok<Todo>, NotFound> Get(int id) => id == 1 ? HttpResults.Ok(Cached) : HttpResults.NotFound();

    [Route("GET /cached")]
    public static Todo GetCached() => Cached;

    [Route("GET /list")]
    public static List<Todo> List() => [Cached, new(2, "two", true)];

    [Route("POST /todos")]
    public static Created<Todo> Create([Body] Todo todo) => HttpResults.Created($"/todos/{todo.Id}", todo);

    [Route("POST /echo")]
    public static Todo Echo([Body] Todo todo) => todo;

    [Route("GET /text")]
    public static string Text() => "héllo";

    [Route("GET /bytes")]
    public static byte[] Bytes() => s_bytes;

    [Route("GET /memory")]
    public static ReadOnlyMemory<byte> Memory() => s_bytes.AsMemory(1);

    [Route("GET /ok")]
    public static Ok OkEmpty() => HttpResults.Ok();

    [Route("GET /ok-value")]
    public static Ok<Todo> OkValue() => HttpResults.Ok(Cached);

    [Route("GET /accepted")]
    public static Accepted<Todo> Accept() => HttpResults.Accepted("/jobs/7", Cached);

    [Route("GET /accepted-empty")]
    public static Accepted AcceptEmpty() => HttpResults.Accepted();

    [Route("DELETE /todos/{id:int}")]
    public static NoContent Delete(int id) => HttpResults.NoContent();

    [Route("GET /bad")]
    public static BadRequest<ApiError> Bad() => HttpResults.BadRequest(new ApiError("no"));

    [Route("GET /conflict")]
    public static Conflict Clash() => HttpResults.Conflict();

    [Route("GET /missing")]
    public static NotFound<ApiError> Missing() => HttpResults.NotFound(new ApiError("gone"));

    [Route("GET /problem")]
    public static ProblemHttpResult Problem() => HttpResults.Problem(409, "Already there", "todo 1 exists");

    [Route("GET /validation")]
    public static ValidationProblem Invalid() => HttpResults.ValidationProblem(s_errors);

    [Route("GET /redirect")]
    public static RedirectHttpResult Moved() => HttpResults.Redirect("/todos", permanent: true);

    [Route("GET /utf8")]
    public static TextHttpResult Html() => HttpResults.Text(s_hello, "text/html");

    [Route("GET /file")]
    public static FileContentHttpResult File() => HttpResults.Bytes(s_bytes, "image/png");

    [Route("GET /async/{id:int}")]
    public static async ValueTask<Results<Ok<Todo>, NotFound, BadRequest<ApiError>>> GetAsync(int id)
    {
        await Task.Yield();
        return id switch
        {
            1 => HttpResults.Ok(Cached),
            0 => HttpResults.BadRequest(new ApiError("zero")),
            _ => HttpResults.NotFound(),
        };
    }

    [Route("GET /async-todo")]
    public static Task<Todo> GetAsyncTodo() => Task.FromResult(Cached);

    [Route("GET /async-pending")]
    public static async Task<Todo> GetPendingTodo()
    {
        await Task.Yield();
        return Cached;
    }
}

/// <summary>One type for every handler: the result is written by <c>Serve</c>, and <c>Dispatch</c> still returns it.</summary>
[Router(Json = typeof(PascalJson))]
public static partial class SharedTodoApi
{
    [Route("GET /todo")]
    public static Todo Get() => ResultsApi.Cached;

    [Route("GET /todo/{id:int}")]
    public static Todo Find(int id) => ResultsApi.Cached;
}
