using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// A handler parameter resolved from the request's services: the service type, fully qualified, and for a keyed
/// service the key as a C# expression (<see langword="null"/> when not keyed). <paramref name="CanResolve"/> is false for
/// a type no container can hand out (a ref struct, a pointer): HR0050.
/// </summary>
internal sealed record ServiceSpec(string Type, string? Key, bool CanResolve = true);

/// <summary>
/// Recognises service parameters by their attribute's metadata name, so the generator needs no reference to them:
/// HyperRoute's own <c>[FromServices]</c>, ASP.NET Core's <c>Microsoft.AspNetCore.Mvc.FromServicesAttribute</c> (handlers
/// shared with minimal APIs), and <c>Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute</c> (in the
/// abstractions the runtime references) for keyed services.
/// </summary>
internal static class ServiceParameterReader
{
    public const string FromServicesAttribute = "HyperRoute.FromServicesAttribute";
    public const string AspNetCoreFromServicesAttribute = "Microsoft.AspNetCore.Mvc.FromServicesAttribute";
    public const string FromKeyedServicesAttribute = "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute";

    /// <summary>The service <paramref name="parameter"/> is bound to; <see langword="null"/> when it is not a service parameter.</summary>
    public static ServiceSpec? Read(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case FromServicesAttribute:
                case AspNetCoreFromServicesAttribute:
                    return new ServiceSpec(TypeName(parameter.Type), null, CanResolve(parameter));
                case FromKeyedServicesAttribute:
                    var key = attribute.ConstructorArguments.Length == 1 ? Key(attribute.ConstructorArguments[0]) : "null";
                    return new ServiceSpec(TypeName(parameter.Type), key, CanResolve(parameter));
            }
        }

        return null;
    }

    // GetRequiredService<T> takes the type as a type argument, and the argument is passed by value.
    private static bool CanResolve(IParameterSymbol parameter)
        => parameter.RefKind is RefKind.None or RefKind.In
            && !parameter.Type.IsRefLikeType
            && parameter.Type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer);

    private static string TypeName(ITypeSymbol type)
        => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    // The key as the attribute holds it, as a C# constant expression (a string, a number, an enum member, null).
    private static string Key(TypedConstant key)
    {
        if (key.IsNull || key.Kind == TypedConstantKind.Error)
        {
            return "null";
        }

        var type = key.Type?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "object";
        return key.Value switch
        {
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            bool flag => flag ? "true" : "false",
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            _ when key.Kind == TypedConstantKind.Enum => $"({type}){System.Convert.ToString(key.Value, System.Globalization.CultureInfo.InvariantCulture)}",
            System.IFormattable number => $"({type}){number.ToString(null, System.Globalization.CultureInfo.InvariantCulture)}",
            _ => "null",
        };
    }
}
