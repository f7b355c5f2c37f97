using System.Globalization;
using System.Text;

namespace NewsAnalysis.Cli;

/// <summary>
/// Text from the data made safe to print on a terminal: control characters (C0 but line breaks, DEL, C1 such as the
/// 8-bit CSI) and the bidirectional overrides that reorder what a terminal shows are written as visible escapes
/// (<c>\x1B</c>, <c>\u202E</c>), so an article holding <c>ESC [ 2 J</c> or a BEL cannot clear the screen, ring, recolour
/// or retitle the terminal. Used for tables and one-line messages; CSV and JSON keep the data as it is.
/// </summary>
/// <remarks>Hand-written: Spectre.Console escapes its own markup, not control characters.</remarks>
internal static class TerminalText
{
    /// <summary><paramref name="text"/> with every control character written as an escape.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0 || !text.Any(IsControl)) return text;   // printable ASCII first: most cells
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsControl(c)) sb.Append(c);
            else if (c == '\t') sb.Append("\\t");
            else if (c <= '\u00FF') sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary><paramref name="text"/> on one line (line breaks as spaces) with control characters escaped.</summary>
    public static string OneLine(string text) => Escape(text.ReplaceLineEndings(" "));

    private static bool IsControl(char c) =>
        char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
