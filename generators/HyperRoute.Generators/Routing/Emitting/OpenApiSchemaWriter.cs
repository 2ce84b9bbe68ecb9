using System.Globalization;
using System.Linq;
using HyperRoute.Generators.Emitting;

namespace HyperRoute.Generators.Routing;

/// <summary>Writes JSON schemas (OpenAPI 3.1, JSON Schema 2020-12) from the equatable schema records and route constraints.</summary>
internal static class OpenApiSchemaWriter
{
    public const string ProblemDetails = "ProblemDetails";

    public static void Write(JsonTextWriter json, TypeSchema schema)
    {
        json.StartObject();
        if (schema.Ref is { } name)
        {
            if (schema.Nullable)
            {
                // 3.1: a $ref beside a null needs anyOf.
                json.Key("anyOf");
                json.StartArray();
                json.StartObject();
                json.Property("$ref", "#/components/schemas/" + name);
                json.EndObject();
                json.StartObject();
                json.Property("type", "null");
                json.EndObject();
                json.EndArray();
            }
            else
            {
                json.Property("$ref", "#/components/schemas/" + name);
            }

            json.EndObject();
            return;
        }

        if (schema.Type is { } type)
        {
            json.Key("type");
            if (schema.Nullable)
            {
                json.StartArray();
                json.String(type);
                json.String("null");
                json.EndArray();
            }
            else
            {
                json.String(type);
            }
        }

        if (schema.Format is { } format)
        {
            json.Property("format", format);
        }

        if (schema.EnumValues.Count > 0)
        {
            json.Key("enum");
            json.StartArray();
            foreach (var value in schema.EnumValues)
            {
                json.String(value);
            }

            json.EndArray();
        }

        if (schema.Items is { } items)
        {
            json.Key("items");
            Write(json, items);
        }

        if (schema.Values is { } values)
        {
            json.Key("additionalProperties");
            Write(json, values);
        }

        json.EndObject();
    }

    public static void WriteComponent(JsonTextWriter json, ComponentSchema component)
    {
        json.StartObject();
        json.Property("type", "object");
        json.Key("properties");
        json.StartObject();
        foreach (var property in component.Properties)
        {
            json.Key(property.JsonName);
            Write(json, property.Schema);
        }

        json.EndObject();
        if (component.Required.Count > 0)
        {
            json.Key("required");
            json.StartArray();
            foreach (var name in component.Required)
            {
                json.String(name);
            }

            json.EndArray();
        }

        json.EndObject();
    }

    /// <summary>RFC 9457 problem details, with the <c>errors</c> of a validation problem.</summary>
    public static void WriteProblemDetails(JsonTextWriter json)
    {
        json.StartObject();
        json.Property("type", "object");
        json.Key("properties");
        json.StartObject();
        foreach (var name in new[] { "type", "title" })
        {
            json.Key(name);
            Write(json, new TypeSchema { Type = "string", Nullable = true });
        }

        json.Key("status");
        Write(json, new TypeSchema { Type = "integer", Format = "int32", Nullable = true });
        foreach (var name in new[] { "detail", "instance" })
        {
            json.Key(name);
            Write(json, new TypeSchema { Type = "string", Nullable = true });
        }

        json.Key("errors");
        Write(json, new TypeSchema { Type = "object", Values = new TypeSchema { Type = "array", Items = new TypeSchema { Type = "string" } } });
        json.EndObject();
        json.EndObject();
    }

    /// <summary>The schema of a route, query or header value: its C# type, narrowed by the segment's constraints.</summary>
    public static void WriteValue(JsonTextWriter json, ParameterBinding binding, TemplateSegment? segment)
    {
        var (type, format) = binding.Source == BindingSource.CatchAll ? ("string", null) : Primitive(binding.Type);
        json.StartObject();
        json.Property("type", type);
        if (format is not null)
        {
            json.Property("format", format);
        }

        foreach (var constraint in segment?.Constraints ?? EquatableArray<RouteConstraint>.Empty)
        {
            switch (constraint.Kind)
            {
                case ConstraintKind.Alpha:
                    json.Property("pattern", "^[A-Za-z]+$");
                    break;
                case ConstraintKind.Min:
                    Number(json, "minimum", constraint.First);
                    break;
                case ConstraintKind.Max:
                    Number(json, "maximum", constraint.First);
                    break;
                case ConstraintKind.Range:
                    Number(json, "minimum", constraint.First);
                    Number(json, "maximum", constraint.Second);
                    break;
                case ConstraintKind.Length:
                    Number(json, "minLength", constraint.First);
                    Number(json, "maxLength", constraint.First);
                    break;
                case ConstraintKind.LengthRange:
                    Number(json, "minLength", constraint.First);
                    Number(json, "maxLength", constraint.Second);
                    break;
                case ConstraintKind.MinLength:
                    Number(json, "minLength", constraint.First);
                    break;
                case ConstraintKind.MaxLength:
                    Number(json, "maxLength", constraint.First);
                    break;
            }
        }

        if (binding.Source is BindingSource.Query or BindingSource.Header && DefaultJson(binding.DefaultValue) is { } value)
        {
            json.Key("default");
            json.Raw(value);
        }

        json.EndObject();
    }

    private static void Number(JsonTextWriter json, string key, long value)
    {
        json.Key(key);
        json.Number(value);
    }

    private static (string Type, string? Format) Primitive(RouteValueType type) => type switch
    {
        RouteValueType.Int32 or RouteValueType.Int16 or RouteValueType.Byte or RouteValueType.SByte or RouteValueType.UInt16 => ("integer", "int32"),
        RouteValueType.Int64 or RouteValueType.UInt32 => ("integer", "int64"),
        RouteValueType.UInt64 => ("integer", null),
        RouteValueType.Boolean => ("boolean", null),
        RouteValueType.Guid => ("string", "uuid"),
        RouteValueType.Double or RouteValueType.Decimal => ("number", "double"),
        RouteValueType.Single => ("number", "float"),
        _ => ("string", null),
    };

    /// <summary>A C# default value (<c>10</c>, <c>2.5m</c>, <c>true</c>, <c>"new"</c>) as JSON; <see langword="null"/> for <c>null</c>, <c>default</c> or anything else.</summary>
    public static string? DefaultJson(string? expression)
    {
        if (expression is null or "null" or "default")
        {
            return null;
        }

        if (expression is "true" or "false")
        {
            return expression;
        }

        if (expression.Length >= 2 && expression[0] == '"' && expression[expression.Length - 1] == '"' && expression.IndexOf('\\') < 0)
        {
            return JsonTextWriter.Quote(expression.Substring(1, expression.Length - 2));
        }

        var number = expression.TrimEnd('m', 'M', 'L', 'l', 'u', 'U', 'f', 'F', 'd', 'D');
        return decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? number : null;
    }
}
