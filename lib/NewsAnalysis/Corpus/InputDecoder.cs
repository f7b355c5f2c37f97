using System.Text;
using UtfUnknown;

namespace NewsAnalysis;

/// <summary>
/// Turns a file's bytes into text: byte-order marks (UTF-8, UTF-16 LE/BE) first, then strict UTF-8, then the
/// legacy single-byte encoding UTF.Unknown detects (Windows-1252 by default). Binary content and bytes no
/// encoding accepts are reported as reasons, never as mangled text. Large CSV files are streamed: the encoding is
/// chosen from their first 64 KB (<see cref="OpenText"/>).
/// </summary>
internal static class InputDecoder
{
    static InputDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const int PrefixBytes = 64 * 1024;

    /// <summary>What a bad byte past the first 64 KB of a streamed file decodes to.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>Decodes <paramref name="bytes"/>; returns null and sets <paramref name="reason"/> when it cannot.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? reason)
    {
        var encoding = Detect(bytes, complete: true, out int bom, out reason);
        if (encoding is null) return null;
        try { return Checked(encoding.GetString(bytes[bom..]), out reason); }
        catch (DecoderFallbackException e) { reason = Undecodable(encoding, e); return null; }
    }

    /// <summary>
    /// Opens <paramref name="path"/> as text with the encoding its first 64 KB show (a bad byte later decodes to
    /// <see cref="Replacement"/>); null with <paramref name="reason"/> when it is binary or undecodable.
    /// </summary>
    public static TextReader? OpenText(string path, out string? reason)
    {
        var stream = File.OpenRead(path);
        try
        {
            var prefix = new byte[(int)Math.Min(PrefixBytes, stream.Length)];
            stream.ReadExactly(prefix);
            bool complete = prefix.Length == stream.Length;
            var encoding = Detect(prefix, complete, out int bom, out reason);
            if (encoding is null) { stream.Dispose(); return null; }
            try
            {
                // Check the prefix decodes and is text (a sequence cut at the prefix's end is not an error: no flush).
                var chars = new char[encoding.GetMaxCharCount(prefix.Length)];
                int n = encoding.GetDecoder().GetChars(prefix, bom, prefix.Length - bom, chars, 0, flush: complete);
                if (Checked(new string(chars, 0, n), out reason) is null) { stream.Dispose(); return null; }
            }
            catch (DecoderFallbackException e) { reason = Undecodable(encoding, e); stream.Dispose(); return null; }
            stream.Position = bom;
            // Past the prefix, bad bytes become U+FFFD and the reader rejects the rows holding them (not the whole rest).
            var lenient = (Encoding)encoding.Clone();
            lenient.DecoderFallback = new DecoderReplacementFallback(Replacement.ToString());
            return new StreamReader(stream, lenient, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The reason for a decoding failure.</summary>
    public static string Undecodable(Encoding encoding, DecoderFallbackException e) =>
        $"undecodable: byte 0x{(e.BytesUnknown is { Length: > 0 } b ? b[0] : 0):X2} is not valid {encoding.WebName}";

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static Encoding? Detect(ReadOnlySpan<byte> bytes, bool complete, out int bom, out string? reason)
    {
        reason = null;
        bom = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { bom = 3; return StrictUtf8; }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { bom = 2; return new UnicodeEncoding(false, false, true); }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { bom = 2; return new UnicodeEncoding(true, false, true); }
        if (Utf16WithoutBom(bytes) is { } utf16) return utf16;
        if (bytes.IndexOf((byte)0) >= 0) { reason = "binary file (contains NUL bytes)"; return null; }
        try
        {
            StrictUtf8.GetCharCount(complete ? bytes : bytes[..Utf8Boundary(bytes)]);
            return StrictUtf8;
        }
        catch (DecoderFallbackException) { }

        // Not UTF-8: a legacy single-byte encoding. UTF.Unknown guesses which; Windows-1252 when it cannot tell.
        var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        int codePage = detected?.Encoding is { IsSingleByte: true } e1 && detected.Confidence >= 0.5f ? e1.CodePage : 1252;
        return Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    // UTF-16 without a byte-order mark: text in UTF-16 has NUL bytes on one side of its code units only (every ASCII
    // character, space included, is 00 xx or xx 00), binary has them anywhere. The strict decoding and the control
    // character check that follow still refuse binary that happens to fit the pattern.
    private static UnicodeEncoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, 8192) & ~1;
        if (n < 4) return null;
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenZeros++;
            if (bytes[i + 1] == 0) oddZeros++;
        }
        int pairs = n / 2, minimum = Math.Max(1, pairs / 20);
        if (oddZeros >= minimum && evenZeros * 20 <= oddZeros && (bytes.Length & 1) == 0) return new UnicodeEncoding(false, false, true);
        if (evenZeros >= minimum && oddZeros * 20 <= evenZeros && (bytes.Length & 1) == 0) return new UnicodeEncoding(true, false, true);
        return null;
    }

    // The length of the longest prefix that does not end inside a UTF-8 sequence.
    private static int Utf8Boundary(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.Length;
        for (int k = 1; k <= 3 && end - k >= 0; k++)
        {
            byte b = bytes[end - k];
            if ((b & 0xC0) == 0x80) continue;           // continuation byte: keep looking for the lead
            int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > k ? end - k : end;
        }
        return end;
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
