using System.Text;
using UtfUnknown;

namespace NewsAnalysis;

/// <summary>
/// Turns a file's bytes into text: byte-order marks (UTF-8, UTF-16 LE/BE) first, then strict UTF-8, then the
/// legacy single-byte encoding UTF.Unknown detects (Windows-1252 by default). Binary content and bytes no
/// encoding accepts are reported as reasons, never as mangled text.
/// </summary>
internal static class InputDecoder
{
    static InputDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Decodes <paramref name="bytes"/>; returns null and sets <paramref name="reason"/> when it cannot.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? reason)
    {
        reason = null;
        try
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Checked(StrictUtf8.GetString(bytes[3..]), out reason);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Checked(new UnicodeEncoding(false, false, true).GetString(bytes[2..]), out reason);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Checked(new UnicodeEncoding(true, false, true).GetString(bytes[2..]), out reason);
        }
        catch (DecoderFallbackException e)
        {
            reason = $"undecodable: the byte-order mark promises Unicode but byte {e.Index} is invalid";
            return null;
        }
        if (bytes.IndexOf((byte)0) >= 0) { reason = "binary file (contains NUL bytes)"; return null; }
        try { return Checked(StrictUtf8.GetString(bytes), out reason); }
        catch (DecoderFallbackException) { }

        // Not UTF-8: a legacy single-byte encoding. UTF.Unknown guesses which; Windows-1252 when it cannot tell.
        var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        Encoding legacy = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (detected?.Encoding is { IsSingleByte: true } e1 && detected.Confidence >= 0.5f)
            legacy = Encoding.GetEncoding(e1.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try { return Checked(legacy.GetString(bytes), out reason); }
        catch (DecoderFallbackException e)
        {
            reason = $"undecodable: not UTF-8, and byte 0x{(e.BytesUnknown is { Length: > 0 } b ? b[0] : 0):X2} is not valid {legacy.WebName}";
            return null;
        }
    }

    // Text with many control characters is binary that happened to decode.
    private static string? Checked(string text, out string? reason)
    {
        reason = null;
        int control = 0, sample = Math.Min(text.Length, 8192);
        for (int i = 0; i < sample; i++)
        {
            char c = text[i];
            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f') control++;
        }
        if (sample > 0 && control * 20 > sample) { reason = "binary file (control characters)"; return null; }
        if (string.IsNullOrWhiteSpace(text)) { reason = "empty file (only white space)"; return null; }
        return text;
    }
}
