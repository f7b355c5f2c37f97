using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace NewsAnalysis;

/// <summary>
/// Reads a text file line by line in bounded memory, with the corpus loader's decoding (byte-order marks, strict UTF-8,
/// detected legacy encodings, binary refused) plus UTF-16 without a byte-order mark, told by its NUL bytes. Only a
/// regular file is opened (a FIFO, a device such as <c>/dev/zero</c> or a socket is refused before any read), and a line
/// longer than <see cref="MaxLineChars"/> is an error rather than an unbounded allocation.
/// </summary>
/// <remarks>
/// Lines end as in <see cref="string.ReplaceLineEndings()"/>: CR, LF, CRLF, NEL, LS, PS and FF; a final line ending
/// in CR or LF adds no empty line. Bytes that do not decode are an error naming the file and line (never replaced quietly).
/// Hand-written line splitting: <see cref="StreamReader.ReadLine"/> knows only CR and LF, and has no length limit.
/// </remarks>
public sealed class TextLineReader : IDisposable
{
    /// <summary>The longest line read by default: 4,194,304 characters.</summary>
    public const int DefaultMaxLineChars = 1 << 22;

    private const int PrefixBytes = 64 * 1024;
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\f\u0085\u2028\u2029");

    private readonly TextReader reader;
    private readonly string path;
    private char[] buffer;
    private int start, end;
    private bool eof, finished, lastBreakWasCrOrLf;

    private readonly BadBytes badBytes;

    private TextLineReader(TextReader reader, string path, Encoding encoding, int maxLineChars, int bufferChars, BadBytes badBytes)
    {
        this.reader = reader;
        this.badBytes = badBytes;
        buffer = new char[bufferChars];
        this.path = path;
        Encoding = encoding;
        MaxLineChars = maxLineChars;
    }

    /// <summary>The encoding the file is read with.</summary>
    public Encoding Encoding { get; }

    /// <summary>The longest line accepted.</summary>
    public int MaxLineChars { get; }

    /// <summary>The number of the line last returned (from 1).</summary>
    public int LineNumber { get; private set; }

    /// <summary>Opens <paramref name="path"/> for reading lines.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a regular file, binary, undecodable or empty; the message names the file.</exception>
    public static TextLineReader Open(string path, int maxLineChars = DefaultMaxLineChars) => Open(path, maxLineChars, 1 << 16);

    /// <summary><see cref="Open(string, int)"/> with the size of the first character buffer (tests cut lines anywhere with tiny ones).</summary>
    internal static TextLineReader Open(string path, int maxLineChars, int bufferChars)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineChars);
        RegularFile.Ensure(path);
        var utf16 = Utf16WithoutBom(path);
        var fallback = new BadBytes();
        if (utf16 is not null)
        {
            var encoding = Strict(utf16, fallback);
            return new TextLineReader(new StreamReader(File.OpenRead(path), encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16),
                path, encoding, maxLineChars, bufferChars, fallback);
        }
        var lenient = InputDecoder.OpenText(path, out var reason) as StreamReader
            ?? throw new InvalidDataException($"'{path}' is not a text file: {reason}.");
        // The loader's reader quietly turns bad bytes past the first 64 KB into U+FFFD; here the line holding one is an
        // error, as when the whole file was decoded at once. Same stream, same position (after any byte-order mark).
        var strict = Strict(lenient.CurrentEncoding, fallback);
        return new TextLineReader(new StreamReader(lenient.BaseStream, strict, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16),
            path, strict, maxLineChars, bufferChars, fallback);
    }

    private static Encoding Strict(Encoding encoding, BadBytes fallback)
    {
        var copy = (Encoding)encoding.Clone();
        copy.DecoderFallback = fallback;
        return copy;
    }

    /// <summary>All lines of <paramref name="path"/>, read as they are enumerated (see <see cref="Open(string, int)"/>).</summary>
    public static IEnumerable<string> ReadLines(string path, int maxLineChars = DefaultMaxLineChars)
    {
        var lines = Open(path, maxLineChars);   // opened now, so a bad file fails at the call, not at the first row
        return Enumerate(lines);

        static IEnumerable<string> Enumerate(TextLineReader lines)
        {
            using (lines)
                while (lines.ReadLine() is { } line) yield return line;
        }
    }

    /// <summary>The next line, or null at the end of the file.</summary>
    /// <exception cref="InvalidDataException">The line is too long or does not decode; the message names the file and line.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? ReadLine()
    {
        var searched = 0;   // characters after start already searched for a line break
        while (true)
        {
            var from = start + searched;
            var at = buffer.AsSpan(from, end - from).IndexOfAny(LineBreaks);
            if (at >= 0)
            {
                var stop = from + at;
                var c = buffer[stop];
                if (c == '\r' && stop + 1 == end && !eof)
                {
                    // CR at the end of what was read: read on to see whether LF follows (one line break, not two).
                    searched = stop - start;
                    Fill();
                    continue;
                }
                var skip = c == '\r' && stop + 1 < end && buffer[stop + 1] == '\n' ? 2 : 1;
                lastBreakWasCrOrLf = c is '\r' or '\n';
                return Line(stop, stop + skip);
            }
            if (eof)
            {
                if (finished) return null;
                finished = true;
                // The rest after the last line break; an empty rest is a line unless the text ended in CR or LF.
                return start < end || (LineNumber > 0 && !lastBreakWasCrOrLf) ? Line(end, end) : null;
            }
            searched = end - start;
            Fill();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string Line(int stop, int next)
    {
        if (stop - start > MaxLineChars)
            throw new InvalidDataException($"'{path}', line {LineNumber + 1}: longer than {MaxLineChars:N0} characters.");
        var line = new string(buffer, start, stop - start);
        start = next;
        LineNumber++;
        // The decoder marks bad bytes with U+FFFD and counts them: the first line holding the mark after one is the culprit.
        if (badBytes.Count > 0 && line.Contains('\uFFFD'))
            throw new InvalidDataException($"'{path}', line {LineNumber}: undecodable: byte 0x{badBytes.First:X2} is not valid {Encoding.WebName}.");
        return line;
    }

    // Moves the unread part to the front (growing the buffer while one line fills it, up to the limit) and reads more.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill()
    {
        var pending = end - start;
        if (pending > MaxLineChars)
            throw new InvalidDataException($"'{path}', line {LineNumber + 1}: longer than {MaxLineChars:N0} characters.");
        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, pending);
            start = 0;
            end = pending;
        }
        if (end == buffer.Length) Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxLineChars + 2L));
        var read = reader.Read(buffer, end, buffer.Length - end);
        if (read == 0) eof = true;
        end += read;
    }

    /// <summary>
    /// UTF-16 without a byte-order mark, little- or big-endian, when the first 64 KB look like it: no byte-order mark,
    /// an even length, NUL bytes at a third or more of the odd (LE) or even (BE) positions and none at the others, and
    /// the bytes decode strictly to text that is not only white space. Null otherwise.
    /// </summary>
    internal static Encoding? Utf16WithoutBom(string path)
    {
        using var stream = File.OpenRead(path);
        var prefix = new byte[(int)Math.Min(PrefixBytes, stream.Length)];
        stream.ReadExactly(prefix);
        return Utf16WithoutBom(prefix);
    }

    internal static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2 || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return null;
        var pairs = bytes.Length / 2;
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            if (bytes[i] == 0) evenNul++;
            if (bytes[i + 1] == 0) oddNul++;
        }
        bool little = oddNul * 3 >= pairs && evenNul == 0, big = evenNul * 3 >= pairs && oddNul == 0;
        if (!little && !big) return null;
        var encoding = new UnicodeEncoding(bigEndian: big, byteOrderMark: false, throwOnInvalidBytes: true);
        try
        {
            // Whole code units only, and not a high surrogate cut from its pair at the end of the prefix.
            var length = bytes.Length & ~1;
            var last = big ? (bytes[length - 2] << 8) | bytes[length - 1] : (bytes[length - 1] << 8) | bytes[length - 2];
            if (char.IsHighSurrogate((char)last)) length -= 2;
            var text = encoding.GetString(bytes[..length]);
            if (string.IsNullOrWhiteSpace(text)) return null;
            foreach (var c in text.AsSpan(0, Math.Min(text.Length, 8192)))
                if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f') return null;
        }
        catch (ArgumentException) { return null; }   // DecoderFallbackException: not UTF-16 after all
        return encoding;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => reader.Dispose();

    /// <summary>
    /// A decoder fallback that writes U+FFFD for bytes the encoding rejects and remembers that it did (and the first such
    /// byte): a <see cref="DecoderFallbackException"/> would come when a whole block is decoded, before the lines
    /// before the bad byte were read, so it could not name the line.
    /// </summary>
    private sealed class BadBytes : DecoderFallback
    {
        public int Count;
        public byte First;

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(BadBytes owner) : DecoderFallbackBuffer
        {
            private int remaining;

            public override int Remaining => remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                if (owner.Count++ == 0 && bytesUnknown.Length > 0) owner.First = bytesUnknown[0];
                remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (remaining == 0) return '\0';
                remaining--;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (remaining == 1) return false;
                remaining = 1;
                return true;
            }
        }
    }
}
