namespace NewsAnalysis;

/// <summary>
/// A character trie over every surface form of the gazetteer, walked once from each word start of a text: finds all
/// forms that start there and end at a word boundary, in one pass whatever the number of entries (no regex per entity).
/// Hand-written because no package on the mirror offers a multi-pattern matcher that reports which pattern matched
/// (<c>System.Buffers.SearchValues&lt;string&gt;</c> finds where some pattern starts, but neither which one nor the longest).
/// </summary>
internal sealed class EntityTrie
{
    private const int Root = 0;
    // Children of the root by character (most walks fail at the first or second character), then a shared map for deeper nodes.
    private readonly int[] rootChildren = new int[char.MaxValue + 1];
    private readonly Dictionary<long, int> children = [];
    private readonly List<int> terminal = [-1];   // node -> pattern id, or -1

    /// <summary>Number of nodes (for benchmarks).</summary>
    public int NodeCount => terminal.Count;

    /// <summary>Adds <paramref name="form"/> as pattern <paramref name="patternId"/>; returns false when the form was already present.</summary>
    public bool Add(string form, int patternId, out int existingId)
    {
        int node = Root;
        foreach (char c in form)
        {
            int next = Child(node, c);
            if (next < 0)
            {
                next = terminal.Count;
                terminal.Add(-1);
                if (node == Root) rootChildren[c] = next;
                else children[Key(node, c)] = next;
            }
            node = next;
        }
        existingId = terminal[node];
        if (existingId >= 0) return false;
        terminal[node] = patternId;
        return true;
    }

    /// <summary>
    /// Every pattern that starts at <paramref name="start"/> and ends at a word boundary, shortest first, appended to
    /// <paramref name="found"/> as (end offset, pattern id).
    /// </summary>
    public void Walk(string text, int start, List<(int End, int Pattern)> found)
    {
        found.Clear();
        int node = Root;
        for (int j = start; j < text.Length; j++)
        {
            node = Child(node, text[j]);
            if (node < 0) return;
            int pattern = terminal[node];
            if (pattern >= 0 && (j + 1 == text.Length || !char.IsLetterOrDigit(text[j + 1]))) found.Add((j + 1, pattern));
        }
    }

    private int Child(int node, char c)
    {
        if (node == Root) { int r = rootChildren[c]; return r == 0 ? -1 : r; }
        return children.TryGetValue(Key(node, c), out var next) ? next : -1;
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;
}
