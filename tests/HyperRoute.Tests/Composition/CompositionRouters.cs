// These routers build strings on purpose: they test where requests are routed, not allocation.
#pragma warning disable HR1006, HR1009

namespace HyperRoute.Tests.Composition;

/// <summary>Every route served under <c>/api/v1</c>, the root route included.</summary>
[Router(Prefix = "/api/v1")]
public static partial class PrefixedTodoApi
{
    [Route("GET /")]
    public static string Index() => "todos";

    [Route("GET /todos/{id:int}")]
    public static string Get(int id) => "todo " + id;

    [Route("DELETE /todos/{id:int}")]
    public static void Delete(int id)
    {
    }

    [Route("GET /files/{*path}")]
    public static string File(string path) => "file " + path;
}
