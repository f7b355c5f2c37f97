namespace NewsAnalysis;

/// <summary>
/// Flags near-duplicate articles with bottom-k MinHash sketches of word 4-shingles: each article keeps the 64
/// smallest shingle hashes; articles sharing one of their 4 smallest are compared, and the pair is flagged when the
/// sketch estimate of Jaccard similarity reaches the threshold. Hand-written because no package on the mirror
/// does MinHash; one hash per shingle keeps it linear in the text.
/// </summary>
internal static class NearDuplicateDetector
{
    private const int SketchSize = 64;
    private const int Keys = 4;

    public static List<NearDuplicatePair> Find(IReadOnlyList<Article> articles, double threshold)
    {
        var sketches = new ulong[articles.Count][];
        Parallel.For(0, articles.Count, i => sketches[i] = Sketch(articles[i].Text));
        var byKey = new Dictionary<ulong, List<int>>();
        var pairs = new List<NearDuplicatePair>();
        var seen = new HashSet<(int, int)>();
        for (int i = 0; i < articles.Count; i++)
        {
            var sk = sketches[i];
            if (sk.Length == 0) continue;
            for (int k = 0; k < Math.Min(Keys, sk.Length); k++)
            {
                if (!byKey.TryGetValue(sk[k], out var list)) byKey[sk[k]] = list = [];
                foreach (int j in list)
                {
                    if (!seen.Add((j, i))) continue;
                    double sim = Estimate(sketches[j], sk);
                    if (sim >= threshold) pairs.Add(new(articles[j].Id, articles[i].Id, Math.Round(sim, 3)));
                }
                list.Add(i);
            }
        }
        return pairs;
    }

    // The SketchSize smallest distinct hashes of the word 4-shingles, ascending.
    internal static ulong[] Sketch(string text)
    {
        var words = new List<ulong>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            ulong h = 14695981039346656037UL;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) { h = (h ^ char.ToLowerInvariant(text[i])) * 1099511628211UL; i++; }
            words.Add(h);
        }
        int count = words.Count < 4 ? Math.Min(words.Count, 1) : words.Count - 3;
        var hashes = new ulong[count];
        for (int w = 0; w < count; w++)
        {
            ulong h = 0;
            for (int k = w; k < Math.Min(w + 4, words.Count); k++) h = Mix(h ^ words[k]);
            hashes[w] = h;
        }
        Array.Sort(hashes);
        var sketch = new List<ulong>(SketchSize);
        foreach (var h in hashes)
        {
            if (sketch.Count > 0 && sketch[^1] == h) continue;
            sketch.Add(h);
            if (sketch.Count == SketchSize) break;
        }
        return [.. sketch];
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33; x *= 0xff51afd7ed558ccdUL; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53UL; x ^= x >> 33;
        return x;
    }

    // Bottom-k estimate: among the k smallest hashes of the union, the share present in both.
    private static double Estimate(ulong[] a, ulong[] b)
    {
        int ia = 0, ib = 0, taken = 0, both = 0, k = Math.Min(SketchSize, Math.Max(a.Length, b.Length));
        while (taken < k && (ia < a.Length || ib < b.Length))
        {
            if (ib >= b.Length || (ia < a.Length && a[ia] < b[ib])) ia++;
            else if (ia >= a.Length || b[ib] < a[ia]) ib++;
            else { both++; ia++; ib++; }
            taken++;
        }
        return taken == 0 ? 0 : (double)both / taken;
    }
}
