using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http.Results;

namespace HyperRoute.Samples.Api;

/// <summary>
/// A todo resource written as a minimal API would be: handlers return what they answer — a value (written as JSON with
/// <see cref="ShopJson"/>'s metadata, web defaults) or typed results whose every case is in the return type — and
/// await an asynchronous repository (<see cref="TodoStore"/>).
/// </summary>
public static partial class ShopApi
{
    [Route("GET /todos")]
    public static ValueTask<List<Todo>> ListTodos(bool? done, CancellationToken aborted)
        => TodoStore.ListAsync(done, aborted);                                        // 200, a JSON array

    [Route("GET /todos/{id:int}")]
    public static async ValueTask<Results<Ok<Todo>, NotFound>> GetTodo(int id, CancellationToken aborted)
        => await TodoStore.FindAsync(id, aborted) is { } todo ? HttpResults.Ok(todo) : HttpResults.NotFound();

    [Route("POST /todos")]
    public static async ValueTask<Results<Created<Todo>, ValidationProblem>> CreateTodo([Body] TodoInput input, CancellationToken aborted)
    {
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            return HttpResults.ValidationProblem(TitleRequired);                      // 400 application/problem+json
        }

        var todo = await TodoStore.AddAsync(input.Title, input.Done, aborted);
#pragma warning disable HR1006 // a new resource's Location is a new string: the one allocation of a create besides the todo
        return HttpResults.Created($"/todos/{todo.Id}", todo);                        // 201, Location, the todo
#pragma warning restore HR1006
    }

    [Route("PUT /todos/{id:int}")]
    public static async ValueTask<Results<Ok<Todo>, NotFound, ValidationProblem>> ReplaceTodo(int id, [Body] TodoInput input, CancellationToken aborted)
    {
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            return HttpResults.ValidationProblem(TitleRequired);
        }

        return await TodoStore.ReplaceAsync(id, input.Title, input.Done, aborted) is { } todo ? HttpResults.Ok(todo) : HttpResults.NotFound();
    }

    [Route("DELETE /todos/{id:int}")]
    public static async ValueTask<Results<NoContent, NotFound>> DeleteTodo(int id, CancellationToken aborted)
        => await TodoStore.RemoveAsync(id, aborted) ? HttpResults.NoContent() : HttpResults.NotFound();

    private static readonly Dictionary<string, string[]> TitleRequired = new() { ["title"] = ["a todo has a title"] };
}
