using HyperRoute.Generators.Steps;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators.Routing;

/// <summary>Reads a router's <c>[Router(Json = typeof(Ctx))]</c> into the <see cref="JsonBodyContext"/> the binding rules check typed bodies against.</summary>
internal static class JsonContextReader
{
    private const string ContextBase = "System.Text.Json.Serialization.JsonSerializerContext";
    private const string SerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";

    /// <summary>
    /// The router's JSON context declares <c>[JsonSourceGenerationOptions]</c>: its own options are used as they are;
    /// without them the generated code gives it ASP.NET Core's web defaults.
    /// </summary>
    public static bool HasOwnOptions(INamedTypeSymbol router)
    {
        var routerAttribute = router.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.RouterAttribute));
        var json = routerAttribute?.NamedArguments.FirstOrDefault(n => n.Key == "Json").Value;
        return json is { Kind: TypedConstantKind.Type, Value: ITypeSymbol context }
            && context.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.JsonSourceGenerationOptionsAttribute);
    }

    public static JsonBodyContext Read(INamedTypeSymbol router)
    {
        var routerAttribute = router.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.RouterAttribute));
        var json = routerAttribute?.NamedArguments.FirstOrDefault(n => n.Key == "Json").Value;
        if (json is not { Kind: TypedConstantKind.Type, Value: ITypeSymbol context })
        {
            return JsonBodyContext.None;
        }

        var display = context.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var typeName = context.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (context.TypeKind == TypeKind.Error)
        {
            return new JsonBodyContext(typeName, display, "does not resolve", EquatableArray<string>.Empty);
        }

        var derives = false;
        for (var current = context.BaseType; current is not null; current = current.BaseType)
        {
            derives |= current.ToDisplayString() == ContextBase;
        }

        if (!derives)
        {
            return new JsonBodyContext(typeName, display, "is not a System.Text.Json JsonSerializerContext; name a class deriving from it, such as 'partial class AppJson : JsonSerializerContext'", EquatableArray<string>.Empty);
        }

        var serializable = context.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == SerializableAttribute && a.ConstructorArguments.Length == 1)
            .Select(a => a.ConstructorArguments[0].Value as ITypeSymbol)
            .Select(t => t is null ? null : HandlerParameterReader.JsonType(t))
            .Where(t => t is not null)
            .Select(t => t!)
            .ToEquatableArray();
        return new JsonBodyContext(typeName, display, null, serializable);
    }
}
