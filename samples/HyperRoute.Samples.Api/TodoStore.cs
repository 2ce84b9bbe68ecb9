using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Samples.Api;

/// <summary>A todo as the API answers it (JSON, camelCase).</summary>
public sealed record Todo(int Id, string Title, bool Done);

/// <summary>What a client sends to create or replace a todo (JSON).</summary>
public sealed record TodoInput(string? Title, bool Done);

/// <summary>
/// The todos' repository: in memory, asynchronous like a real one, with the sample's simulated round trip
/// (<see cref="StoreLatency"/>). It keeps the newest <see cref="Capacity"/> todos, so that a load test that creates
/// todos for minutes measures the server, not a growing heap.
/// </summary>
public static class TodoStore
{
    /// <summary>How many todos are kept; creating one more forgets the oldest.</summary>
    public const int Capacity = 10_000;

    private static readonly ConcurrentDictionary<int, Todo> s_todos = new();
    private static readonly ConcurrentQueue<int> s_order = new();
    private static int s_lastId;

    /// <summary>The todos, oldest first; only those with <see cref="Todo.Done"/> equal to <paramref name="done"/> when given.</summary>
    public static async ValueTask<List<Todo>> ListAsync(bool? done, CancellationToken cancellationToken)
    {
        await StoreLatency.RoundTrip(cancellationToken).ConfigureAwait(false);
        return s_todos.Values.Where(todo => done is null || todo.Done == done).OrderBy(todo => todo.Id).ToList();
    }

    /// <summary>The todo with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public static async ValueTask<Todo?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await StoreLatency.RoundTrip(cancellationToken).ConfigureAwait(false);
        return s_todos.TryGetValue(id, out var todo) ? todo : null;
    }

    /// <summary>Stores a new todo under a new id.</summary>
    public static async ValueTask<Todo> AddAsync(string title, bool done, CancellationToken cancellationToken)
    {
        await StoreLatency.RoundTrip(cancellationToken).ConfigureAwait(false);
        var todo = new Todo(Interlocked.Increment(ref s_lastId), title, done);
        s_todos[todo.Id] = todo;
        s_order.Enqueue(todo.Id);
        while (s_todos.Count > Capacity && s_order.TryDequeue(out var oldest))
        {
            s_todos.TryRemove(oldest, out _);
        }

        return todo;
    }

    /// <summary>Replaces the todo with <paramref name="id"/>; <see langword="null"/> when there is none.</summary>
    public static async ValueTask<Todo?> ReplaceAsync(int id, string title, bool done, CancellationToken cancellationToken)
    {
        await StoreLatency.RoundTrip(cancellationToken).ConfigureAwait(false);
        if (!s_todos.ContainsKey(id))
        {
            return null;
        }

        var todo = new Todo(id, title, done);
        s_todos[id] = todo;
        return todo;
    }

    /// <summary>Deletes the todo with <paramref name="id"/>; <see langword="false"/> when there was none.</summary>
    public static async ValueTask<bool> RemoveAsync(int id, CancellationToken cancellationToken)
    {
        await StoreLatency.RoundTrip(cancellationToken).ConfigureAwait(false);
        return s_todos.TryRemove(id, out _);
    }
}
