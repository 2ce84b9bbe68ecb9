using System;
using HyperRoute;

namespace BuildCheck;

// Every route declaration mistake the analyzers know, one per member; the comments name the expected ID.

[Router]
public partial class Api
{
    [Route("GET /bad/{id:foo}")] // HR0001: unknown constraint
    public static int InvalidTemplate(int id) => id;

    [Route("GET /users/{id:int}")] // HR0003: no handler parameter named 'id'
    public static int Unbound(int userId) => userId;

    [Route("GET /generic")]
    public static int Generic<T>() => 0; // HR0004: generic handler

    [Route("GET /a/{x}")] // HR0006: conflicts with 'GET /a/{y}'
    public static int First(int x) => x;

    [Route("GET /a/{y}")] // HR0006: conflicts with 'GET /a/{x}'
    public static int Second(int y) => y;

    [Route("GET /orders/{id:int}")]
    public static int Order(Guid id) => 0; // HR0007: int constraint, Guid parameter
}

[Router]
public class NotPartial // HR0002: not partial
{
    [Route("GET /")]
    public static int Home() => 0;
}

[Router]
public static partial class Reserved
{
    [Route("GET /reserved")]
    public static int Home() => 0;

    public static void Dispatch() { } // HR0014: the generator declares Dispatch on every router
}

public class Plain
{
    [Route("GET /nowhere")] // HR0005: no [Router]
    public static int Nowhere() => 0;
}

public abstract class Handler
{
    [HotPath] // HR0008: no body
    public abstract int Handle(int x);
}
