namespace HyperRoute.Benchmarks.Small;

/// <summary>
/// The 10-route table of the small scenarios: literal and parameter routes over four methods. The handlers
/// are trivial and are the ones all three implementations call, so only the routing differs.
/// </summary>
[Router]
public static partial class SmallApi
{
    [Route("GET /")]
    public static int Root() => 1;

    [Route("GET /users")]
    public static int ListUsers() => 2;

    [Route("POST /users")]
    public static int CreateUser() => 3;

    [Route("GET /users/{id:int}")]
    public static int GetUser(int id) => id;

    [Route("PUT /users/{id:int}")]
    public static int UpdateUser(int id) => id + 1;

    [Route("DELETE /users/{id:int}")]
    public static int DeleteUser(int id) => id + 2;

    [Route("GET /health")]
    public static int Health() => 7;

    [Route("GET /products")]
    public static int ListProducts() => 8;

    [Route("GET /products/{id:int}")]
    public static int GetProduct(int id) => id + 3;

    [Route("GET /orders/{id:int}/items")]
    public static int ListOrderItems(int id) => id + 4;
}
