using System.Text;

namespace NewsAnalysis;

/// <summary>One item of a JSON array as <see cref="JsonArrayItems.Read"/> cut it out.</summary>
/// <param name="Number">The item's number in the array, from 1.</param>
/// <param name="Line">The line of the file the item starts on, from 1.</param>
/// <param name="Text">The item's JSON text; null when it was longer than the cap (it was skipped while read, never held).</param>
internal readonly record struct JsonArrayItem(int Number, int Line, string? Text);

/// <summary>The array's brackets, strings or comments do not nest or end where JSON says; no further item can be cut out.</summary>
internal sealed class JsonArrayBrokenException(string message, int line, int item) : Exception(message)
{
    /// <summary>The line the break was found on, from 1.</summary>
    public int Line { get; } = line;

    /// <summary>The number of the item the break was found in (or the next item's, between items).</summary>
    public int Item { get; } = item;
}

/// <summary>
/// Cuts a JSON array read from a text stream into its items' texts, one item held at a time and none longer than a
/// cap: a longer item is read past, not kept, so a file of any size, with items of any size, reads in bounded memory.
/// </summary>
/// <remarks>
/// Written by hand because System.Text.Json cannot skip a value it has not held: <c>DeserializeAsyncEnumerable</c> and
/// <c>Utf8JsonReader</c> need a whole item (or a whole string token) in their buffer before they can move past it, so
/// one 1 GB item inside an array was 1 GB of memory. This scanner only follows what the array's structure needs —
/// strings and their escapes, <c>//</c> and <c>/* */</c> comments, and the nesting of brackets and braces — and leaves
/// each item's own syntax to <c>JsonDocument</c>, so a malformed value costs only its item.
/// </remarks>
internal static class JsonArrayItems
{
    /// <summary>The nesting inside an item whose brackets are matched by kind (as deep as <c>JsonDocument</c> reads here).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The items of the array that starts at <paramref name="reader"/>'s next non-blank character (it must be
    /// <c>[</c>), each at most <paramref name="maxChars"/> characters. Throws <see cref="JsonArrayBrokenException"/>
    /// where the structure breaks (after yielding every item before the break). A trailing comma is allowed.
    /// </summary>
    public static IEnumerable<JsonArrayItem> Read(TextReader reader, long maxChars)
    {
        var scan = new Scanner(reader);
        int c = scan.NextSignificant();
        if (c != '[') throw scan.Broken(c < 0 ? "the file is empty" : $"expected '[' but found '{(char)c}'", 1);

        var item = new StringBuilder();
        var closers = new Stack<char>();
        int number = 0;
        bool afterComma = false;
        while (true)
        {
            // Between items: blanks, comments, a comma, the closing bracket, or the start of the next item.
            c = scan.NextSignificant();
            if (c < 0) throw scan.Broken($"the file ends inside the array, before its closing ']' (after {number:N0} items)", number + 1);
            if (c == ']') break;
            if (c == ',')
            {
                if (afterComma || number == 0) throw scan.Broken("a comma where an item should be", number + 1);
                afterComma = true;
                continue;
            }
            if (number > 0 && !afterComma) throw scan.Broken($"'{(char)c}' where a comma or ']' should be", number + 1);

            // One item: from here to the comma or ']' that follows it at the array's own depth.
            number++;
            int line = scan.Line;
            item.Clear();
            bool tooLong = false;
            void Keep(int ch)
            {
                if (tooLong) return;
                if (item.Length >= maxChars) { tooLong = true; item.Clear(); return; }
                item.Append((char)ch);
            }
            closers.Clear();
            long depth = 0;
            bool whole = false;   // an object, array or string has closed at the item's own level: only blanks may follow
            while (true)
            {
                if (whole && !char.IsWhiteSpace((char)c) && c is not (',' or ']'))
                {
                    scan.PushBack(c);   // the item is whole; the loop above says what follows it is out of place
                    break;
                }
                if (c == '"')
                {
                    Keep(c);
                    while (true)
                    {
                        c = scan.Next();
                        if (c < 0) throw scan.Broken("the file ends inside a string", number);
                        Keep(c);
                        if (c == '\\') { c = scan.Next(); if (c < 0) throw scan.Broken("the file ends inside a string", number); Keep(c); }
                        else if (c == '"') break;
                    }
                    whole = depth == 0;
                }
                else if (c is '{' or '[')
                {
                    // Kinds kept only as deep as JSON is read (deeper items fail to parse anyway): memory stays bounded.
                    if (depth++ < MaxDepth) closers.Push(c == '{' ? '}' : ']');
                    Keep(c);
                }
                else if (c is '}' or ']')
                {
                    if (depth == 0) { scan.PushBack(c); break; }   // the array's own ']': the item ends
                    if (depth-- <= MaxDepth && closers.Pop() != c) throw scan.Broken($"'{(char)c}' closes a bracket it does not match", number);
                    Keep(c);
                    whole = depth == 0;
                }
                else if (c == ',' && depth == 0) { scan.PushBack(c); break; }
                else Keep(c);
                c = scan.NextInItem();
                if (c < 0)
                {
                    if (depth == 0) break;   // the item is whole; the loop above says the array is not
                    throw scan.Broken($"the file ends inside array item {number:N0}", number);
                }
            }
            afterComma = false;
            yield return new JsonArrayItem(number, line, tooLong ? null : item.ToString().TrimEnd());
        }
        if ((c = scan.NextSignificant()) >= 0) throw scan.Broken($"'{(char)c}' after the array's closing ']'", number + 1);
    }

    // Characters of the reader with the line number, one character of push-back, and comments outside strings skipped.
    private sealed class Scanner(TextReader reader)
    {
        private readonly char[] buffer = new char[16 * 1024];
        private int pos, len, pushed = -1;

        public int Line { get; private set; } = 1;

        public JsonArrayBrokenException Broken(string what, int item) => new(what, Line, item);

        public void PushBack(int c) => pushed = c;

        public int Next()
        {
            if (pushed >= 0) { int p = pushed; pushed = -1; return p; }
            if (pos == len)
            {
                len = reader.Read(buffer, 0, buffer.Length);
                pos = 0;
                if (len <= 0) { len = 0; return -1; }
            }
            char c = buffer[pos++];
            if (c == '\n') Line++;
            return c;
        }

        /// <summary>The next character that is not blank and not inside a comment.</summary>
        public int NextSignificant()
        {
            while (true)
            {
                int c = NextInItem();
                if (c < 0 || !char.IsWhiteSpace((char)c)) return c;
            }
        }

        /// <summary>The next character outside a comment (a comment reads as one space).</summary>
        public int NextInItem()
        {
            int c = Next();
            if (c != '/') return c;
            int d = Next();
            if (d == '/') { while ((c = Next()) >= 0 && c != '\n') { } return ' '; }
            if (d == '*')
            {
                int prev = 0;
                while ((c = Next()) >= 0 && !(prev == '*' && c == '/')) prev = c;
                if (c < 0) throw Broken("the file ends inside a comment", 0);
                return ' ';
            }
            if (d >= 0) PushBack(d);
            return '/';
        }
    }
}
