namespace NewsAnalysis;

/// <summary>Counts words: maximal runs of letters or digits (apostrophes and hyphens inside a word do not split it).</summary>
public static class WordCounter
{
    /// <summary>The number of words in <paramref name="text"/>.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        int count = 0;
        bool inWord = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool wordChar = char.IsLetterOrDigit(c) || (inWord && c is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]));
            if (wordChar && !inWord) count++;
            inWord = wordChar;
        }
        return count;
    }
}
