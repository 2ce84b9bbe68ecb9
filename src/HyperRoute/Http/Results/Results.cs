namespace HyperRoute.Http.Results;

/// <summary>
/// A result that is one of 2 results, declared in the handler's return type so that every response the route can give
/// is known at compile time: <c>Results&lt;Ok&lt;Todo&gt;, NotFound&gt;</c>. Each case converts to it implicitly
/// (<c>return HttpResults.NotFound();</c>); the generated router switches on <see cref="Case"/> and writes that result
/// (a value as JSON with the router's context), with no boxing. The <see langword="default"/> value holds no result: it answers
/// 200 with an empty body.
/// </summary>
/// <typeparam name="TResult1">Case 1: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult2">Case 2: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
public readonly struct Results<TResult1, TResult2>
{
    private readonly TResult1 _result1;
    private readonly TResult2 _result2;

    private Results(TResult1 result, Case1 _)
    {
        this = default;
        Case = 1;
        _result1 = result;
    }

    private Results(TResult2 result, Case2 _)
    {
        this = default;
        Case = 2;
        _result2 = result;
    }

    /// <summary>Which result this holds: 1 to 2, or 0 for none (the <see langword="default"/> value).</summary>
    public int Case { get; }

    /// <summary>The result of case 1 (<see langword="default"/> unless <see cref="Case"/> is 1).</summary>
    public TResult1 Result1 => _result1;

    /// <summary>The result of case 2 (<see langword="default"/> unless <see cref="Case"/> is 2).</summary>
    public TResult2 Result2 => _result2;

    /// <summary>Case 1: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2>(TResult1 result) => new(result, default(Case1));

    /// <summary>Case 2: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2>(TResult2 result) => new(result, default(Case2));
}

/// <summary>
/// A result that is one of 3 results, declared in the handler's return type so that every response the route can give
/// is known at compile time: <c>Results&lt;Ok&lt;Todo&gt;, NotFound&gt;</c>. Each case converts to it implicitly
/// (<c>return HttpResults.NotFound();</c>); the generated router switches on <see cref="Case"/> and writes that result
/// (a value as JSON with the router's context), with no boxing. The <see langword="default"/> value holds no result: it answers
/// 200 with an empty body.
/// </summary>
/// <typeparam name="TResult1">Case 1: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult2">Case 2: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult3">Case 3: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
public readonly struct Results<TResult1, TResult2, TResult3>
{
    private readonly TResult1 _result1;
    private readonly TResult2 _result2;
    private readonly TResult3 _result3;

    private Results(TResult1 result, Case1 _)
    {
        this = default;
        Case = 1;
        _result1 = result;
    }

    private Results(TResult2 result, Case2 _)
    {
        this = default;
        Case = 2;
        _result2 = result;
    }

    private Results(TResult3 result, Case3 _)
    {
        this = default;
        Case = 3;
        _result3 = result;
    }

    /// <summary>Which result this holds: 1 to 3, or 0 for none (the <see langword="default"/> value).</summary>
    public int Case { get; }

    /// <summary>The result of case 1 (<see langword="default"/> unless <see cref="Case"/> is 1).</summary>
    public TResult1 Result1 => _result1;

    /// <summary>The result of case 2 (<see langword="default"/> unless <see cref="Case"/> is 2).</summary>
    public TResult2 Result2 => _result2;

    /// <summary>The result of case 3 (<see langword="default"/> unless <see cref="Case"/> is 3).</summary>
    public TResult3 Result3 => _result3;

    /// <summary>Case 1: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3>(TResult1 result) => new(result, default(Case1));

    /// <summary>Case 2: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3>(TResult2 result) => new(result, default(Case2));

    /// <summary>Case 3: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3>(TResult3 result) => new(result, default(Case3));
}

/// <summary>
/// A result that is one of 4 results, declared in the handler's return type so that every response the route can give
/// is known at compile time: <c>Results&lt;Ok&lt;Todo&gt;, NotFound&gt;</c>. Each case converts to it implicitly
/// (<c>return HttpResults.NotFound();</c>); the generated router switches on <see cref="Case"/> and writes that result
/// (a value as JSON with the router's context), with no boxing. The <see langword="default"/> value holds no result: it answers
/// 200 with an empty body.
/// </summary>
/// <typeparam name="TResult1">Case 1: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult2">Case 2: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult3">Case 3: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult4">Case 4: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
public readonly struct Results<TResult1, TResult2, TResult3, TResult4>
{
    private readonly TResult1 _result1;
    private readonly TResult2 _result2;
    private readonly TResult3 _result3;
    private readonly TResult4 _result4;

    private Results(TResult1 result, Case1 _)
    {
        this = default;
        Case = 1;
        _result1 = result;
    }

    private Results(TResult2 result, Case2 _)
    {
        this = default;
        Case = 2;
        _result2 = result;
    }

    private Results(TResult3 result, Case3 _)
    {
        this = default;
        Case = 3;
        _result3 = result;
    }

    private Results(TResult4 result, Case4 _)
    {
        this = default;
        Case = 4;
        _result4 = result;
    }

    /// <summary>Which result this holds: 1 to 4, or 0 for none (the <see langword="default"/> value).</summary>
    public int Case { get; }

    /// <summary>The result of case 1 (<see langword="default"/> unless <see cref="Case"/> is 1).</summary>
    public TResult1 Result1 => _result1;

    /// <summary>The result of case 2 (<see langword="default"/> unless <see cref="Case"/> is 2).</summary>
    public TResult2 Result2 => _result2;

    /// <summary>The result of case 3 (<see langword="default"/> unless <see cref="Case"/> is 3).</summary>
    public TResult3 Result3 => _result3;

    /// <summary>The result of case 4 (<see langword="default"/> unless <see cref="Case"/> is 4).</summary>
    public TResult4 Result4 => _result4;

    /// <summary>Case 1: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4>(TResult1 result) => new(result, default(Case1));

    /// <summary>Case 2: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4>(TResult2 result) => new(result, default(Case2));

    /// <summary>Case 3: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4>(TResult3 result) => new(result, default(Case3));

    /// <summary>Case 4: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4>(TResult4 result) => new(result, default(Case4));
}

/// <summary>
/// A result that is one of 5 results, declared in the handler's return type so that every response the route can give
/// is known at compile time: <c>Results&lt;Ok&lt;Todo&gt;, NotFound&gt;</c>. Each case converts to it implicitly
/// (<c>return HttpResults.NotFound();</c>); the generated router switches on <see cref="Case"/> and writes that result
/// (a value as JSON with the router's context), with no boxing. The <see langword="default"/> value holds no result: it answers
/// 200 with an empty body.
/// </summary>
/// <typeparam name="TResult1">Case 1: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult2">Case 2: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult3">Case 3: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult4">Case 4: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult5">Case 5: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
public readonly struct Results<TResult1, TResult2, TResult3, TResult4, TResult5>
{
    private readonly TResult1 _result1;
    private readonly TResult2 _result2;
    private readonly TResult3 _result3;
    private readonly TResult4 _result4;
    private readonly TResult5 _result5;

    private Results(TResult1 result, Case1 _)
    {
        this = default;
        Case = 1;
        _result1 = result;
    }

    private Results(TResult2 result, Case2 _)
    {
        this = default;
        Case = 2;
        _result2 = result;
    }

    private Results(TResult3 result, Case3 _)
    {
        this = default;
        Case = 3;
        _result3 = result;
    }

    private Results(TResult4 result, Case4 _)
    {
        this = default;
        Case = 4;
        _result4 = result;
    }

    private Results(TResult5 result, Case5 _)
    {
        this = default;
        Case = 5;
        _result5 = result;
    }

    /// <summary>Which result this holds: 1 to 5, or 0 for none (the <see langword="default"/> value).</summary>
    public int Case { get; }

    /// <summary>The result of case 1 (<see langword="default"/> unless <see cref="Case"/> is 1).</summary>
    public TResult1 Result1 => _result1;

    /// <summary>The result of case 2 (<see langword="default"/> unless <see cref="Case"/> is 2).</summary>
    public TResult2 Result2 => _result2;

    /// <summary>The result of case 3 (<see langword="default"/> unless <see cref="Case"/> is 3).</summary>
    public TResult3 Result3 => _result3;

    /// <summary>The result of case 4 (<see langword="default"/> unless <see cref="Case"/> is 4).</summary>
    public TResult4 Result4 => _result4;

    /// <summary>The result of case 5 (<see langword="default"/> unless <see cref="Case"/> is 5).</summary>
    public TResult5 Result5 => _result5;

    /// <summary>Case 1: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5>(TResult1 result) => new(result, default(Case1));

    /// <summary>Case 2: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5>(TResult2 result) => new(result, default(Case2));

    /// <summary>Case 3: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5>(TResult3 result) => new(result, default(Case3));

    /// <summary>Case 4: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5>(TResult4 result) => new(result, default(Case4));

    /// <summary>Case 5: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5>(TResult5 result) => new(result, default(Case5));
}

/// <summary>
/// A result that is one of 6 results, declared in the handler's return type so that every response the route can give
/// is known at compile time: <c>Results&lt;Ok&lt;Todo&gt;, NotFound&gt;</c>. Each case converts to it implicitly
/// (<c>return HttpResults.NotFound();</c>); the generated router switches on <see cref="Case"/> and writes that result
/// (a value as JSON with the router's context), with no boxing. The <see langword="default"/> value holds no result: it answers
/// 200 with an empty body.
/// </summary>
/// <typeparam name="TResult1">Case 1: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult2">Case 2: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult3">Case 3: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult4">Case 4: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult5">Case 5: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
/// <typeparam name="TResult6">Case 6: an <see cref="IHttpResult"/> or an <see cref="IValueHttpResult{TValue}"/>.</typeparam>
public readonly struct Results<TResult1, TResult2, TResult3, TResult4, TResult5, TResult6>
{
    private readonly TResult1 _result1;
    private readonly TResult2 _result2;
    private readonly TResult3 _result3;
    private readonly TResult4 _result4;
    private readonly TResult5 _result5;
    private readonly TResult6 _result6;

    private Results(TResult1 result, Case1 _)
    {
        this = default;
        Case = 1;
        _result1 = result;
    }

    private Results(TResult2 result, Case2 _)
    {
        this = default;
        Case = 2;
        _result2 = result;
    }

    private Results(TResult3 result, Case3 _)
    {
        this = default;
        Case = 3;
        _result3 = result;
    }

    private Results(TResult4 result, Case4 _)
    {
        this = default;
        Case = 4;
        _result4 = result;
    }

    private Results(TResult5 result, Case5 _)
    {
        this = default;
        Case = 5;
        _result5 = result;
    }

    private Results(TResult6 result, Case6 _)
    {
        this = default;
        Case = 6;
        _result6 = result;
    }

    /// <summary>Which result this holds: 1 to 6, or 0 for none (the <see langword="default"/> value).</summary>
    public int Case { get; }

    /// <summary>The result of case 1 (<see langword="default"/> unless <see cref="Case"/> is 1).</summary>
    public TResult1 Result1 => _result1;

    /// <summary>The result of case 2 (<see langword="default"/> unless <see cref="Case"/> is 2).</summary>
    public TResult2 Result2 => _result2;

    /// <summary>The result of case 3 (<see langword="default"/> unless <see cref="Case"/> is 3).</summary>
    public TResult3 Result3 => _result3;

    /// <summary>The result of case 4 (<see langword="default"/> unless <see cref="Case"/> is 4).</summary>
    public TResult4 Result4 => _result4;

    /// <summary>The result of case 5 (<see langword="default"/> unless <see cref="Case"/> is 5).</summary>
    public TResult5 Result5 => _result5;

    /// <summary>The result of case 6 (<see langword="default"/> unless <see cref="Case"/> is 6).</summary>
    public TResult6 Result6 => _result6;

    /// <summary>Case 1: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5, TResult6>(TResult1 result) => new(result, default(Case1));

    /// <summary>Case 2: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5, TResult6>(TResult2 result) => new(result, default(Case2));

    /// <summary>Case 3: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5, TResult6>(TResult3 result) => new(result, default(Case3));

    /// <summary>Case 4: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5, TResult6>(TResult4 result) => new(result, default(Case4));

    /// <summary>Case 5: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5, TResult6>(TResult5 result) => new(result, default(Case5));

    /// <summary>Case 6: <paramref name="result"/>.</summary>
    /// <param name="result">The result.</param>
    public static implicit operator Results<TResult1, TResult2, TResult3, TResult4, TResult5, TResult6>(TResult6 result) => new(result, default(Case6));
}

// Tags that tell the constructors apart when two cases have the same type.
internal readonly struct Case1;
internal readonly struct Case2;
internal readonly struct Case3;
internal readonly struct Case4;
internal readonly struct Case5;
internal readonly struct Case6;
