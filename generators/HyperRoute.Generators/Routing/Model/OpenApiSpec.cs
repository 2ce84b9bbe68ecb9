namespace HyperRoute.Generators.Routing;

/// <summary>
/// What the OpenAPI document of a router or an app needs beyond its routes (<c>[OpenApi]</c>): the title, the version, and
/// the JSON schemas of the types its bodies and results are written as, read from the symbols at read time. Value-equatable.
/// </summary>
internal sealed record OpenApiSpec
{
    /// <summary><c>info.title</c>.</summary>
    public required string Title { get; init; }

    /// <summary><c>info.version</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The schema of each JSON body and result type, by its fully qualified name, sorted by name.</summary>
    public required EquatableArray<NamedSchema> Types { get; init; }

    /// <summary>The object schemas <c>components/schemas</c> holds, sorted by component name.</summary>
    public required EquatableArray<ComponentSchema> Components { get; init; }

    /// <summary>
    /// <c>[OpenApi(Route = …)]</c>: the path the <c>HttpEndpoint</c> serves the document at when no route answers it;
    /// <see langword="null"/> for none (or one that is not valid: HR0027).
    /// </summary>
    public string? Route { get; init; }

    /// <summary>The documentation of the handlers, by <c>{owner}.{handler}</c> (owner empty in a router), sorted.</summary>
    public EquatableArray<OperationDoc> Docs { get; init; }
}

/// <summary>The schema a JSON type is written with, by the type's fully qualified name.</summary>
internal sealed record NamedSchema(string TypeName, TypeSchema Schema);

/// <summary>An object type in <c>components/schemas</c>: its properties, in declaration order.</summary>
internal sealed record ComponentSchema(string Name, EquatableArray<PropertySchema> Properties, EquatableArray<string> Required);

/// <summary>One property of an object schema, named as the JSON context writes it.</summary>
internal sealed record PropertySchema(string JsonName, TypeSchema Schema);

/// <summary>
/// A JSON schema: a primitive (<see cref="Type"/> and <see cref="Format"/>), an array (<see cref="Items"/>), a reference to a
/// component (<see cref="Ref"/>), an enum (<see cref="EnumValues"/>), or anything (all <see langword="null"/>).
/// </summary>
internal sealed record TypeSchema
{
    public string? Type { get; init; }

    public string? Format { get; init; }

    public bool Nullable { get; init; }

    public string? Ref { get; init; }

    public TypeSchema? Items { get; init; }

    public EquatableArray<string> EnumValues { get; init; }

    /// <summary>A dictionary's value schema (<c>additionalProperties</c>).</summary>
    public TypeSchema? Values { get; init; }
}

/// <summary>A handler's XML documentation: <c>summary</c>, <c>remarks</c> and each <c>param</c>.</summary>
internal sealed record OperationDoc(string Key, string? Summary, string? Remarks, EquatableArray<ParameterDoc> Parameters);

/// <summary>One <c>&lt;param&gt;</c> of a handler.</summary>
internal sealed record ParameterDoc(string Name, string Text);
