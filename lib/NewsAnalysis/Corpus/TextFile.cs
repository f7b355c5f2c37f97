namespace NewsAnalysis;

/// <summary>
/// Reads one text file with the corpus loader's decoding (byte-order marks, strict UTF-8, detected legacy
/// encodings) and its refusal of binary or undecodable content, for callers that take a plain text file.
/// </summary>
public static class TextFile
{
    /// <summary>The text of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the file is binary, undecodable or empty; the message names the file and the reason.</exception>
    public static string ReadAllText(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No such file: '{path}'.", path);
        return InputDecoder.Decode(File.ReadAllBytes(path), out var reason)
            ?? throw new InvalidDataException($"'{path}' is not a text file: {reason}.");
    }

    /// <summary>The lines of <paramref name="path"/> (any line ending), decoded as by <see cref="ReadAllText"/>.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="InvalidDataException">When the file is binary, undecodable or empty.</exception>
    public static string[] ReadAllLines(string path)
    {
        var text = ReadAllText(path);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return text.EndsWith('\n') || text.EndsWith('\r') ? lines[..^1] : lines;
    }
}
