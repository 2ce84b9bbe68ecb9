using System.Globalization;
using System.Text;

namespace HyperRoute.Generators.Emitting;

/// <summary>Spells values as C# source.</summary>
internal static class CSharpLiterals
{
    /// <summary>A quoted string literal.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A UTF-8 string literal: <c>"users"u8</c>.</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>A byte as a <c>case</c> label: <c>(byte)'u'</c> for printable ASCII, <c>0xC3</c> otherwise.</summary>
    public static string Byte(byte value)
        => value >= 0x20 && value < 0x7F && value != (byte)'\'' && value != (byte)'\\'
            ? "(byte)'" + (char)value + "'"
            : "0x" + value.ToString("X2", CultureInfo.InvariantCulture);

    /// <summary>A number.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
