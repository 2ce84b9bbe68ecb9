using System.Globalization;
using System.Linq;
using HyperRoute.Generators.Emitting;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Writes the body of a <c>[Forward]</c> handler: a call to <c>ForwardAsync</c> with the router's backend group, the
/// rewritten path built from the request's own path bytes on the stack (no string, no allocation), and the hash key.
/// </summary>
internal static class ForwardEmitter
{
    private const string Proxy = "Http::Proxy.";

    public static string Emit(ForwardSpec spec)
        => GeneratedFileWriter.Write(
            spec.Type,
            "the [Forward] attribute of " + spec.Type.Name + "." + spec.MethodName,
            spec.Type.Header,
            writer => Method(writer, spec));

    private static void Method(SourceWriter writer, ForwardSpec spec)
    {
        var routes = string.Join(", ", spec.Patterns.Select(p => "<c>" + Xml(p) + "</c>"));
        var target = spec.PathText is null ? "with its own path" : "as <c>" + Xml(spec.PathText) + "</c>";
        writer.Doc($"Forwards {routes} to <see cref=\"{spec.Group}\"/> {target}, and writes the backend's response.");
        writer.Line(GeneratedMethods.GeneratedCode);
        writer.Line($"{spec.Modifiers} System::Threading.Tasks.ValueTask {spec.MethodName}(Http::HttpExchange {spec.ExchangeName})");
        using (writer.Braces())
        {
            if (spec.Path.Count == 0 && spec.Key is null)
            {
                writer.Line($"return {Proxy}ProxyExchangeExtensions.ForwardAsync({spec.ExchangeName}, {spec.Group});");
                return;
            }

            writer.Line($"var path = {spec.ExchangeName}.Request.Path;");
            var key = spec.Key is { } value ? Take(value) : "default";
            if (spec.Path.Count == 0)
            {
                writer.Line($"return {Proxy}ProxyExchangeExtensions.ForwardAsync({spec.ExchangeName}, {spec.Group}, default, {key});", KeyComment(spec));
                return;
            }

            writer.Line($"var target = new {Proxy}ForwardPath(stackalloc byte[256]);", "the rewritten path: " + spec.PathText);
            writer.Line("try");
            using (writer.Braces())
            {
                foreach (var part in spec.Path)
                {
                    if (part.Literal is not null)
                    {
                        writer.Line($"target.Append({CSharpLiterals.String(part.Literal)}u8);");
                    }
                    else
                    {
                        writer.Line($"target.Append({Take(part)});", "{" + part.Name + "}" + (part.Rest ? ": every segment from here on" : ""));
                    }
                }

                writer.Line($"return {Proxy}ProxyExchangeExtensions.ForwardAsync({spec.ExchangeName}, {spec.Group}, target.Written, {key});", KeyComment(spec));
            }

            writer.Line("finally");
            using (writer.Braces())
            {
                writer.Line("target.Dispose();", "ForwardAsync copied the path before its first await");
            }
        }
    }

    private static string Take(ForwardPathPart part)
        => $"{Proxy}ForwardPath.{(part.Rest ? "From" : "Segment")}(path, {part.Segment.ToString(CultureInfo.InvariantCulture)})";

    private static string KeyComment(ForwardSpec spec) => spec.Key is { } key ? "hash key: {" + key.Name + "}" : "the group's own hash key";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
