using System.Globalization;
using System.Text;

namespace FfaConformance.Reports.Html;

/// <summary>
/// The one way text reaches the HTML report: every value a run produced (target names, statements, messages,
/// register dumps) passes through <see cref="Text"/>, which escapes markup and quotes and shows control
/// characters as \xNN instead of passing them to the browser.
/// </summary>
public static class Html
{
    /// <summary>Escaped for element content and for quoted attribute values alike.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '&': text.Append("&amp;"); break;
                case '"': text.Append("&quot;"); break;
                case '\'': text.Append("&#39;"); break;
                case '\n' or '\t': text.Append(c); break;
                case '\r': text.Append("\\r"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
                    {
                        text.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        text.Append('\uFFFD');   // a lone surrogate cannot be encoded
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>A number for display, grouped ("12,345").</summary>
    public static string Number(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "N1", CultureInfo.InvariantCulture);
}
