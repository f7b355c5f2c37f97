namespace NewsAnalysis;

/// <summary>
/// Flags near-duplicate articles in time linear in the corpus, whatever its shape (10,000 copies of one story, 120,000
/// near-identical wire items):
/// <list type="number">
/// <item>Exact duplicates first: articles whose cleaned text is the same (hash, then compared) form a group; each copy
/// is paired with the group's first article (similarity 1) and only that first article goes on to step 2.</item>
/// <item>MinHash with LSH banding: a signature of <see cref="Hashes"/> minimum hashes of the word 4-shingles, cut into
/// <see cref="Bands"/> bands of <see cref="Rows"/> rows; articles sharing a band's bucket are candidates (a pair at
/// Jaccard 0.9 shares a bucket with probability 0.9998, at 0.8 0.985, at 0.3 0.06), and a candidate pair is
/// flagged when the signature estimate of the Jaccard similarity reaches the threshold.</item>
/// <item>Each article is compared with at most <see cref="CandidatesPerBucket"/> earlier articles per bucket (the
/// bucket's first ones) and keeps at most that many matches (its earliest): a bucket shared by thousands of
/// near-identical articles costs a constant per article, not a pass over the bucket, and the list of pairs stays linear;
/// every article of such a bucket is still paired with one of its first members.</item>
/// </list>
/// Hand-written because no package on the mirror does MinHash/LSH; one hash per shingle keeps it linear in the text.
/// </summary>
internal static class NearDuplicateDetector
{
    internal const int Hashes = 32;
    private const int Bands = 8;
    private const int Rows = Hashes / Bands;

    /// <summary>Signature values (32 per article: 250,000 articles, 32 MB) from which the pass collects before making the pairs.</summary>
    private const int CollectBeforePairsValues = 8_000_000;

    /// <summary>The most earlier articles of one bucket an article is compared with.</summary>
    internal const int CandidatesPerBucket = 8;

    /// <summary>
    /// The near-duplicate pairs as article positions (no table of ids needed to find them), in corpus order of the
    /// later article, then of the earlier one; similarities rounded to 3 decimals. <paramref name="signaturesKnown"/>
    /// (optional, one slot per article) holds signatures computed before from the same text (empty: a text without
    /// words), used instead of computing them; the signatures computed now are put in its empty slots (the corpus cache
    /// keeps them). <paramref name="fingerprints"/> (optional, one per article: <see cref="AnalysisVersions.Fingerprint"/>,
    /// equal exactly when the texts are) stands for the texts when exact duplicates are grouped, so an article whose
    /// signature is known is never read: the corpus cache leaves such articles undecoded (a known signature means the
    /// text had words, so it is not blank).
    /// </summary>
    public static (int Earlier, int Later, double Similarity)[] Find(IReadOnlyList<Article> articles, double threshold, uint[]?[]? signaturesKnown = null, byte[][]? fingerprints = null)
    {
        int n = articles.Count;

        // 1. Exact duplicates: the first article of each text stands for the group (texts, or fingerprints standing for them).
        var representatives = new List<int>(n);
        var duplicateOf = new int[n];
        if (fingerprints is null)
            GroupExact(n, (int i, out string text) => !string.IsNullOrWhiteSpace(text = articles[i].Text), StringComparer.Ordinal, duplicateOf, representatives);
        else
            GroupExact(n, (int i, out (ulong, ulong, ulong, ulong) print) =>
            {
                print = default;
                if (signaturesKnown?[i] is null && string.IsNullOrWhiteSpace(articles[i].Text)) return false;
                var p = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(fingerprints[i].AsSpan());
                print = (p[0], p[1], p[2], p[3]);
                return true;
            }, EqualityComparer<(ulong, ulong, ulong, ulong)>.Default, duplicateOf, representatives);

        // 2. MinHash signatures of the representatives (per article: both cores), flat: Hashes values per article.
        int m = representatives.Count;
        var signatures = new uint[(long)m * Hashes];
        var empty = new bool[m];
        Parallel.For(0, m, r =>
        {
            var signature = signatures.AsSpan(r * Hashes, Hashes);
            if (signaturesKnown?[representatives[r]] is { } given) { empty[r] = given.Length == 0; given.CopyTo(signature); return; }
            empty[r] = !Signature(articles[representatives[r]].Text, signature);
            if (signaturesKnown is not null) signaturesKnown[representatives[r]] = empty[r] ? [] : signature.ToArray();
        });

        // 3. LSH, one band at a time (memory: one key per article, not one bucket object per band and article): sort by
        // the band's key, and in each run of equal keys compare every member with the run's first members.
        // Keys and article indices in two arrays sorted together (a primitive key sorts several times faster than a
        // tuple through its comparer); within a run of equal keys the indices are then put in order, which gives the
        // order sorting (key, index) pairs gave.
        var keys = new ulong[m];
        var members = new int[m];
        var matches = new MatchLists(m);
        for (int b = 0; b < Bands; b++)
        {
            int count = 0;
            for (int r = 0; r < m; r++)
            {
                if (empty[r]) continue;
                ulong key = (ulong)b;
                var sig = signatures.AsSpan(r * Hashes + b * Rows, Rows);
                foreach (var v in sig) key = Mix(key ^ v);
                keys[count] = key;
                members[count++] = r;
            }
            Array.Sort(keys, members, 0, count);
            for (int start = 0; start < count;)
            {
                int end = start + 1;
                while (end < count && keys[end] == keys[start]) end++;
                if (end - start > 1) Array.Sort(members, start, end - start);
                for (int p = start + 1; p < end; p++)
                {
                    int later = members[p];
                    for (int q = start; q < Math.Min(p, start + CandidatesPerBucket); q++)
                    {
                        int earlier = members[q];
                        if (matches.Has(later, earlier)) continue;
                        double sim = Estimate(signatures.AsSpan(earlier * Hashes, Hashes), signatures.AsSpan(later * Hashes, Hashes));
                        if (sim < threshold) continue;
                        matches.Keep(later, earlier, (float)sim);   // k/32: exact in a float
                    }
                }
                start = end;
            }
        }

        // Pairs in corpus order of the later article, then of the earlier one (deterministic), in one array of the
        // exact size (a corpus of repeats has several pairs per article: 3.8 million at 1,000,000 wire rows). An article
        // is a copy of an earlier text (one pair), or a representative with its matches, or blank (none).
        int total = matches.Count;
        if (signatures.Length >= CollectBeforePairsValues)
        {
            // The signatures and band keys are dead: hand them back before the pairs are made (1,000,000 wire
            // rows full of repeats, 3.8 million pairs: peak 1,387 -> 1,325 MB, for 0.55 s).
            signatures = [];
            keys = [];
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        }
        foreach (var d in duplicateOf) if (d >= 0) total++;
        var all = new (int Earlier, int Later, double Similarity)[total];
        int at = 0;
        Span<(int Earlier, float Similarity)> own = stackalloc (int, float)[CandidatesPerBucket];
        for (int r = 0, i = 0; i < n; i++)
        {
            if (duplicateOf[i] >= 0) { all[at++] = (duplicateOf[i], i, 1.0); continue; }
            if (r == m || representatives[r] != i) continue;
            int count = matches.CopyTo(r++, own);
            own[..count].Sort(static (x, y) => x.Earlier.CompareTo(y.Earlier));
            foreach (var (e, sim) in own[..count]) all[at++] = (representatives[e], i, Math.Round(sim, 3));
        }
        return all;
    }

    // An article's key for grouping exact duplicates; false for a blank text, in no group.
    private delegate bool ExactKey<TKey>(int article, out TKey key);

    // The first article of each key goes to representatives, the others are marked its duplicates (-1 in duplicateOf
    // otherwise). The table is sized once: no copies left behind as it grows.
    private static void GroupExact<TKey>(int n, ExactKey<TKey> keyOf, IEqualityComparer<TKey> comparer, int[] duplicateOf, List<int> representatives)
        where TKey : notnull
    {
        var firstOf = new Dictionary<TKey, int>(n, comparer);
        for (int i = 0; i < n; i++)
        {
            duplicateOf[i] = -1;
            if (!keyOf(i, out var key)) continue;
            if (firstOf.TryGetValue(key, out int first)) { duplicateOf[i] = first; continue; }
            firstOf[key] = i;
            representatives.Add(i);
        }
    }

    /// <summary>
    /// Each article's matches (at most <see cref="CandidatesPerBucket"/>, its earliest, whatever the order the bands find
    /// them in), as lists linked through one pool of nodes: a corpus full of repeats has a few matches for most of its
    /// articles (3.8 million at 1,000,000 wire rows); a dictionary of list objects took ~60 MB more and twice the time.
    /// </summary>
    private sealed class MatchLists(int articles)
    {
        private readonly int[] head = NewHeads(articles);   // per article: its first node, or -1
        private int[] next = new int[Math.Max(16, articles / 2)];
        private int[] earlierOf = new int[Math.Max(16, articles / 2)];
        private float[] similarityOf = new float[Math.Max(16, articles / 2)];

        /// <summary>How many matches are kept, in all.</summary>
        public int Count { get; private set; }

        private static int[] NewHeads(int n)
        {
            var heads = new int[n];
            Array.Fill(heads, -1);
            return heads;
        }

        public bool Has(int later, int earlier)
        {
            for (int k = head[later]; k >= 0; k = next[k]) if (earlierOf[k] == earlier) return true;
            return false;
        }

        public void Keep(int later, int earlier, float similarity)
        {
            int kept = 0, worst = -1;
            for (int k = head[later]; k >= 0; k = next[k], kept++)
                if (worst < 0 || earlierOf[k] > earlierOf[worst]) worst = k;
            if (kept == CandidatesPerBucket)
            {
                if (earlier < earlierOf[worst]) (earlierOf[worst], similarityOf[worst]) = (earlier, similarity);
                return;
            }
            if (Count == next.Length)
            {
                int grown = checked(next.Length + next.Length / 2);
                Array.Resize(ref next, grown);
                Array.Resize(ref earlierOf, grown);
                Array.Resize(ref similarityOf, grown);
            }
            (next[Count], earlierOf[Count], similarityOf[Count]) = (head[later], earlier, similarity);
            head[later] = Count++;
        }

        /// <summary>Copies the matches of <paramref name="later"/> (in no order) to <paramref name="into"/>; returns how many.</summary>
        public int CopyTo(int later, Span<(int Earlier, float Similarity)> into)
        {
            int count = 0;
            for (int k = head[later]; k >= 0; k = next[k]) into[count++] = (earlierOf[k], similarityOf[k]);
            return count;
        }
    }

    // The word 4-shingles' hashes (a text of fewer than 4 words is one shingle of all its words).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static ulong[] Shingles(string text)
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
        return hashes;
    }

    private static readonly ulong[] Seeds = MakeSeeds();

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Hashes];
        ulong s = 0x9E3779B97F4A7C15UL;
        for (int k = 0; k < Hashes; k++) seeds[k] = s = Mix(s + 0x9E3779B97F4A7C15UL);
        return seeds;
    }

    // The MinHash signature: for each of the Hashes seeded hash functions, the least value over the distinct shingles
    // (the upper 32 bits: half the memory, and a chance collision of two minima, 1 in 4 billion, moves no estimate).
    // False when the text has no word.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static bool Signature(string text, Span<uint> sig)
    {
        var shingles = Shingles(text);
        if (shingles.Length == 0) return false;
        Array.Sort(shingles);
        sig.Fill(uint.MaxValue);
        ulong previous = 0;
        for (int s = 0; s < shingles.Length; s++)
        {
            ulong h = shingles[s];
            if (s > 0 && h == previous) continue;
            previous = h;
            for (int k = 0; k < Hashes; k++)
            {
                uint v = (uint)(Mix(h ^ Seeds[k]) >> 32);
                if (v < sig[k]) sig[k] = v;
            }
        }
        return true;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33; x *= 0xff51afd7ed558ccdUL; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53UL; x ^= x >> 33;
        return x;
    }

    // The MinHash estimate of Jaccard similarity: the share of hash functions whose minima agree.
    private static double Estimate(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        int same = 0;
        for (int k = 0; k < Hashes; k++) if (a[k] == b[k]) same++;
        return (double)same / Hashes;
    }
}
