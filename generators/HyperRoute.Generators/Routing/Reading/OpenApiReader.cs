using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Reads <c>[OpenApi]</c> on a router or an app into an <see cref="OpenApiSpec"/>: the title and version, the JSON schema
/// of every body and result type its routes read or write (from the types' public properties, named as the router's JSON
/// context names them), and the handlers' XML documentation. Symbols stay here; the spec holds strings and records only.
/// </summary>
internal static class OpenApiReader
{
    /// <summary>The spec of <paramref name="owner"/>'s document, or <see langword="null"/> when it has no <c>[OpenApi]</c>.</summary>
    /// <param name="owner">The router, or the app.</param>
    /// <param name="routers">The routers whose routes the document describes: the router itself, or the app's routers.</param>
    /// <param name="model">The router's or app's spec, whose routes name the JSON types.</param>
    public static OpenApiSpec? Read(INamedTypeSymbol owner, IReadOnlyList<INamedTypeSymbol> routers, RouterSpec model, bool isApp)
    {
        var attribute = owner.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.OpenApiAttribute));
        if (attribute is null)
        {
            return null;
        }

        var wanted = new HashSet<string>(model.JsonBodyTypes.Concat(model.JsonResultTypes), StringComparer.Ordinal);
        var types = new Dictionary<string, TypeSchema>(StringComparer.Ordinal);
        var components = new Dictionary<string, ComponentSchema>(StringComparer.Ordinal);
        var docs = new List<OperationDoc>();
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var router in routers)
        {
            var naming = Naming.Of(router);
            var reader = new SchemaBuilder(naming, components);
            var owned = isApp ? router.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : "";
            foreach (var method in router.GetMembers().OfType<IMethodSymbol>())
            {
                if (!method.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.RouteAttribute)))
                {
                    continue;
                }

                if (ReadDoc(owned + "." + method.Name, method) is { } doc && documented.Add(doc.Key))
                {
                    docs.Add(doc);
                }

                if (wanted.Count == 0)
                {
                    continue; // no route reads or writes JSON: there is no schema to find
                }

                foreach (var type in method.Parameters.Select(p => p.Type).Append(method.ReturnType))
                {
                    Visit(type, t =>
                    {
                        if (HandlerParameterReader.JsonType(t) is { } name && wanted.Contains(name) && !types.ContainsKey(name))
                        {
                            types[name] = reader.Schema(t);
                        }
                    });
                }
            }
        }

        string? Named(string name) => attribute.NamedArguments.FirstOrDefault(n => n.Key == name).Value.Value as string;
        return new OpenApiSpec
        {
            Title = Named("Title") ?? owner.Name,
            Version = Named("Version") ?? "1.0.0",
            Route = OpenApiRouteReader.Read(owner),
            Types = types.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new NamedSchema(t.Key, t.Value)).ToEquatableArray(),
            Components = components.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value).ToEquatableArray(),
            Docs = docs.OrderBy(d => d.Key, StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    // The type and every type argument in it, depth first: Task<Results<Ok<Todo>, NotFound>> reaches Todo.
    private static void Visit(ITypeSymbol type, Action<ITypeSymbol> action)
    {
        action(type);
        if (type is INamedTypeSymbol { IsGenericType: true } named)
        {
            foreach (var argument in named.TypeArguments)
            {
                Visit(argument, action);
            }
        }
        else if (type is IArrayTypeSymbol array)
        {
            Visit(array.ElementType, action);
        }
    }

    private static OperationDoc? ReadDoc(string key, IMethodSymbol method)
    {
        var xml = method.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            var root = XElement.Parse(xml);
            var parameters = root.Elements("param")
                .Where(p => p.Attribute("name") is not null)
                .Select(p => new ParameterDoc(p.Attribute("name")!.Value, Text(p)))
                .Where(p => p.Text.Length > 0)
                .ToEquatableArray();
            var summary = root.Element("summary") is { } s ? Text(s) : null;
            var remarks = root.Element("remarks") is { } r ? Text(r) : null;
            return new OperationDoc(key, string.IsNullOrEmpty(summary) ? null : summary, string.IsNullOrEmpty(remarks) ? null : remarks, parameters);
        }
        catch (System.Xml.XmlException)
        {
            return null; // a malformed comment documents nothing (the compiler warns about it)
        }
    }

    // The element's text, whitespace collapsed; <see cref="X"/> and <paramref name="y"/> become their names.
    private static string Text(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } e => e.Attribute("langword")?.Value ?? ShortName(e.Attribute("cref")?.Value) ?? e.Value,
                XElement { Name.LocalName: "paramref" or "typeparamref" } e => e.Attribute("name")?.Value ?? "",
                XElement e => Text(e),
                _ => "",
            });
        }

        return string.Join(" ", text.ToString().Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? ShortName(string? cref)
    {
        if (cref is null)
        {
            return null;
        }

        var name = cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref;
        var paren = name.IndexOf('(');
        name = paren >= 0 ? name.Substring(0, paren) : name;
        return name.Substring(name.LastIndexOf('.') + 1);
    }

    /// <summary>How a router's JSON context writes property names and enums.</summary>
    private sealed record Naming(int Policy, bool StringEnums)
    {
        public const int AsDeclared = 0, CamelCase = 1, SnakeLower = 2, SnakeUpper = 3, KebabLower = 4, KebabUpper = 5;

        // Without [JsonSourceGenerationOptions] the generated code gives the context the web defaults (camelCase); with
        // them, the context's own: its PropertyNamingPolicy, else camelCase for JsonSerializerDefaults.Web, else as declared.
        public static Naming Of(INamedTypeSymbol router)
        {
            var routerAttribute = router.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.RouterAttribute));
            var json = routerAttribute?.NamedArguments.FirstOrDefault(n => n.Key == "Json").Value;
            var options = json is { Kind: TypedConstantKind.Type, Value: ITypeSymbol context }
                ? context.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.JsonSourceGenerationOptionsAttribute)
                : null;
            if (options is null)
            {
                return new Naming(CamelCase, false);
            }

            var web = options.ConstructorArguments.Length == 1 && options.ConstructorArguments[0].Value is int defaults && defaults == 1;
            var policy = options.NamedArguments.FirstOrDefault(n => n.Key == "PropertyNamingPolicy").Value.Value is int p && p != 0 ? p : web ? CamelCase : AsDeclared;
            var stringEnums = options.NamedArguments.FirstOrDefault(n => n.Key == "UseStringEnumConverter").Value.Value is true;
            return new Naming(policy, stringEnums);
        }

        public string Name(string name) => Policy switch
        {
            CamelCase => name.Length > 0 && char.IsUpper(name[0]) ? CamelCaseName(name) : name,
            SnakeLower => Separated(name, '_').ToLowerInvariant(),
            SnakeUpper => Separated(name, '_').ToUpperInvariant(),
            KebabLower => Separated(name, '-').ToLowerInvariant(),
            KebabUpper => Separated(name, '-').ToUpperInvariant(),
            _ => name,
        };

        // JsonNamingPolicy.CamelCase: lower the leading run of capitals, except the last one when a lower-case letter follows.
        private static string CamelCaseName(string name)
        {
            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (i == 1 && !char.IsUpper(chars[i]))
                {
                    break;
                }

                var hasNext = i + 1 < chars.Length;
                if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
                {
                    if (chars[i + 1] == ' ')
                    {
                        chars[i] = char.ToLowerInvariant(chars[i]);
                    }

                    break;
                }

                chars[i] = char.ToLowerInvariant(chars[i]);
            }

            return new string(chars);
        }

        // An approximation of the snake/kebab policies: a separator before each capital that follows a lower-case letter or digit.
        private static string Separated(string name, char separator)
        {
            var text = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                {
                    text.Append(separator);
                }

                text.Append(name[i]);
            }

            return text.ToString();
        }
    }

    /// <summary>Builds schemas from type symbols, adding object types to the components as it meets them.</summary>
    private sealed class SchemaBuilder(Naming naming, Dictionary<string, ComponentSchema> components)
    {
        private readonly HashSet<string> _building = new(StringComparer.Ordinal);

        public TypeSchema Schema(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                return Schema(nullable.TypeArguments[0]) with { Nullable = true };
            }

            var schema = NotNull(type);
            return type.NullableAnnotation == NullableAnnotation.Annotated && !type.IsValueType ? schema with { Nullable = true } : schema;
        }

        private TypeSchema NotNull(ITypeSymbol type)
        {
            if (Primitive(type) is { } primitive)
            {
                return primitive;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                var names = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToEquatableArray();
                var asStrings = naming.StringEnums || type.GetAttributes().Any(a => a.AttributeClass?.Name == "JsonConverterAttribute"
                    && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is INamedTypeSymbol { Name: "JsonStringEnumConverter" });
                return asStrings ? new TypeSchema { Type = "string", EnumValues = names } : new TypeSchema { Type = "integer", Format = "int32" };
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType.SpecialType == SpecialType.System_Byte
                    ? new TypeSchema { Type = "string", Format = "byte" }
                    : new TypeSchema { Type = "array", Items = Schema(array.ElementType) };
            }

            if (type is INamedTypeSymbol named)
            {
                var dictionary = Implementing(named, "System.Collections.Generic.IDictionary<TKey, TValue>")
                    ?? Implementing(named, "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>");
                if (dictionary is not null)
                {
                    return new TypeSchema { Type = "object", Values = Schema(dictionary.TypeArguments[1]) };
                }

                var enumerable = Implementing(named, "System.Collections.Generic.IEnumerable<T>");
                if (enumerable is not null)
                {
                    return new TypeSchema { Type = "array", Items = Schema(enumerable.TypeArguments[0]) };
                }

                if (named.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface && named.SpecialType == SpecialType.None)
                {
                    return new TypeSchema { Ref = Component(named) };
                }
            }

            return new TypeSchema(); // anything: an object, dynamic, a type parameter
        }

        private static INamedTypeSymbol? Implementing(INamedTypeSymbol type, string definition)
            => type.OriginalDefinition.ToDisplayString() == definition
                ? type
                : type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.ToDisplayString() == definition);

        private string Component(INamedTypeSymbol type)
        {
            var name = ComponentName(type);
            if (components.ContainsKey(name) || !_building.Add(name))
            {
                return name;
            }

            var properties = new List<PropertySchema>();
            var required = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                        || property.GetMethod is null || property.IsOverride || !seen.Add(property.Name)
                        || property.GetAttributes().Any(a => a.AttributeClass?.Name == "JsonIgnoreAttribute"))
                    {
                        continue;
                    }

                    var renamed = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "JsonPropertyNameAttribute")?.ConstructorArguments.FirstOrDefault().Value as string;
                    var jsonName = renamed ?? naming.Name(property.Name);
                    properties.Add(new PropertySchema(jsonName, Schema(property.Type)));
                    if (property.IsRequired || property.GetAttributes().Any(a => a.AttributeClass?.Name == "JsonRequiredAttribute"))
                    {
                        required.Add(jsonName);
                    }
                }
            }

            components[name] = new ComponentSchema(name, properties.ToEquatableArray(), required.ToEquatableArray());
            _building.Remove(name);
            return name;
        }

        // Todo; Page<Todo> → PageOfTodo; Outer.Inner → Inner (a name two types share is an approximation: docs/openapi.md).
        private static string ComponentName(INamedTypeSymbol type)
            => type.TypeArguments.Length == 0
                ? type.Name
                : type.Name + "Of" + string.Concat(type.TypeArguments.Select(a => a is INamedTypeSymbol n ? ComponentName(n) : a.Name));

        private static TypeSchema? Primitive(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean: return new TypeSchema { Type = "boolean" };
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32: return new TypeSchema { Type = "integer", Format = "int32" };
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64: return new TypeSchema { Type = "integer", Format = "int64" };
                case SpecialType.System_UInt64: return new TypeSchema { Type = "integer" };
                case SpecialType.System_Single: return new TypeSchema { Type = "number", Format = "float" };
                case SpecialType.System_Double: return new TypeSchema { Type = "number", Format = "double" };
                case SpecialType.System_Decimal: return new TypeSchema { Type = "number", Format = "double" };
                case SpecialType.System_String:
                case SpecialType.System_Char: return new TypeSchema { Type = "string" };
                case SpecialType.System_DateTime: return new TypeSchema { Type = "string", Format = "date-time" };
            }

            return type.ToDisplayString() switch
            {
                "System.DateTimeOffset" => new TypeSchema { Type = "string", Format = "date-time" },
                "System.DateOnly" => new TypeSchema { Type = "string", Format = "date" },
                "System.TimeOnly" => new TypeSchema { Type = "string", Format = "time" },
                "System.TimeSpan" => new TypeSchema { Type = "string" },
                "System.Guid" => new TypeSchema { Type = "string", Format = "uuid" },
                "System.Uri" => new TypeSchema { Type = "string", Format = "uri" },
                _ => null,
            };
        }
    }
}
