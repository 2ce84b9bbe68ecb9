
namespace HyperRoute.Generators.Steps;

/// <summary>What a step does: check a value or a request (<c>[Validate&lt;V&gt;]</c>), or change one (<c>[Transform&lt;X&gt;]</c>).</summary>
internal enum StepKind
{
    /// <summary><c>[Validate&lt;V&gt;]</c>: an <c>IValidator&lt;T&gt;</c> on a parameter, an <c>IRequestValidator</c> on a router or route.</summary>
    Validate,
    /// <summary><c>[Transform&lt;X&gt;]</c>: an <c>ITransform&lt;T&gt;</c> on a parameter, an <c>IResponseTransform</c> on a router or route.</summary>
    Transform,
}

/// <summary>One validator or transform the dispatcher calls, as applied by an attribute (no Roslyn types).</summary>
/// <param name="Kind">Validate or transform.</param>
/// <param name="TypeName">The validator or transform type, fully qualified (<c>global::Shop.PositiveId</c>).</param>
/// <param name="Display">The type as users read it, for comments (<c>PositiveId</c>).</param>
internal sealed record PipelineStep(StepKind Kind, string TypeName, string Display)
{
    /// <summary>
    /// In an app: the router whose router-level step this is, now run as the first steps of that router's routes;
    /// <see langword="null"/> otherwise.
    /// </summary>
    public string? Router { get; init; }

    /// <summary>The attribute as written: <c>[Validate&lt;PositiveId&gt;]</c> (<c>… of TodoApi</c> for a router's step in an app).</summary>
    public string Attribute => (Kind == StepKind.Validate ? "[Validate<" : "[Transform<") + Display + ">]" + (Router is null ? "" : " of " + Router);
}

/// <summary>
/// The JSON context a router reads typed <c>[Body]</c> parameters with (<c>[Router(Json = typeof(Ctx))]</c>), as the
/// binding rules see it.
/// </summary>
/// <param name="TypeName">The context type, fully qualified; <see langword="null"/> when the router names none.</param>
/// <param name="Display">The context type as users read it, for messages.</param>
/// <param name="WhyNot">Why the type cannot read bodies (not a <c>JsonSerializerContext</c>); <see langword="null"/> when it can.</param>
/// <param name="Serializable">The types it lists with <c>[JsonSerializable(typeof(T))]</c>, fully qualified.</param>
internal sealed record JsonBodyContext(string? TypeName, string Display, string? WhyNot, EquatableArray<string> Serializable)
{
    /// <summary>A router without <c>Json</c>.</summary>
    public static JsonBodyContext None { get; } = new(null, "", null, EquatableArray<string>.Empty);
}
