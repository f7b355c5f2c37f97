using System.Collections;

namespace NewsAnalysis;

/// <summary>
/// The articles of a loaded corpus, in order, where the articles of some input files may not be made yet: the corpus
/// cache leaves a file whose every article it reuses as its stored bytes, and makes those articles the first time any of
/// them is read (<see cref="Unit"/>), and finds near-duplicates (a pass over every signature) when an article is first
/// read through the list or <see cref="NearDuplicates"/> is asked for. A rerun whose analyses take a file's finished
/// results from the result store (<see cref="ArticleResultStore"/>'s frame segments) never reads its articles, so it
/// pays for neither. What a reader gets is the cold load's article: the same decoding as an eager load, then the
/// near-duplicate mark and the fingerprint the load found for it. <see cref="Raw"/> gives the articles without waiting
/// for the near-duplicate marks (for the detection itself, and for segment builders, whose rows never read the mark).
/// </summary>
internal sealed class CorpusArticles : IReadOnlyList<Article>
{
    private readonly Article?[] slots;
    private readonly Unit?[] unitOf;           // per article: the unit that makes it, or null when it is made
    private readonly string?[] duplicateOf;    // near-duplicate marks for articles not made yet
    private readonly byte[][] fingerprints;
    private Func<CorpusArticles, IReadOnlyList<NearDuplicatePair>>? findDuplicates;   // dropped once run
    private IReadOnlyList<NearDuplicatePair> nearDuplicates = [];
    private readonly object markGate = new();

    /// <summary>The articles of one input file, made when first read.</summary>
    /// <param name="Start">Its first article's position in the corpus.</param>
    /// <param name="Count">How many articles it holds.</param>
    /// <param name="Make">Makes its articles, in order (exactly those a cold load makes before near-duplicate marking).</param>
    internal sealed class Unit(int Start, int Count, Func<Article[]> Make)
    {
        public int Start { get; } = Start;
        public int Count { get; } = Count;
        public Func<Article[]>? Make { get; set; } = Make;   // dropped once made (it holds the stored bytes)
        public readonly object Gate = new();
    }

    /// <summary>
    /// The articles <paramref name="made"/> (null where a unit of <paramref name="units"/> makes them), with their
    /// <paramref name="fingerprints"/>; <paramref name="findDuplicates"/> finds the near-duplicates and marks them
    /// (through <see cref="MarkDuplicate"/>, reading articles through <see cref="Raw"/> only).
    /// </summary>
    public CorpusArticles(Article?[] made, IReadOnlyList<Unit> units, byte[][] fingerprints, Func<CorpusArticles, IReadOnlyList<NearDuplicatePair>> findDuplicates)
    {
        slots = made;
        this.fingerprints = fingerprints;
        this.findDuplicates = findDuplicates;
        Raw = new IndexedView<CorpusArticles, Article>(this, made.Length, static (list, i) => Volatile.Read(ref list.slots[i]) ?? list.Make(i));
        unitOf = new Unit?[made.Length];
        duplicateOf = new string?[made.Length];
        foreach (var unit in units)
            for (int j = 0; j < unit.Count; j++) unitOf[unit.Start + j] = unit;
    }

    /// <summary>Units not made yet (for tests and reports).</summary>
    internal int PendingUnits => unitOf.Where(u => u?.Make is not null).Distinct().Count();

    public int Count => slots.Length;

    public Article this[int index]
    {
        get
        {
            if (Volatile.Read(ref findDuplicates) is not null) Mark();
            return Volatile.Read(ref slots[index]) ?? Make(index);
        }
    }

    /// <summary>The near-duplicate pairs (found on first use).</summary>
    public IReadOnlyList<NearDuplicatePair> NearDuplicates
    {
        get
        {
            if (Volatile.Read(ref findDuplicates) is not null) Mark();
            return nearDuplicates;
        }
    }

    /// <summary>The articles without waiting for the near-duplicate marks (an article made before they are found has none).</summary>
    public IReadOnlyList<Article> Raw { get; }

    private void Mark()
    {
        lock (markGate)
        {
            if (findDuplicates is not { } find) return;
            nearDuplicates = find(this);
            Volatile.Write(ref findDuplicates, null);
        }
    }

    /// <summary>Marks the article at <paramref name="index"/> a near-duplicate of <paramref name="earlierId"/> (the first mark holds), made or not.</summary>
    public void MarkDuplicate(int index, string earlierId)
    {
        var unit = unitOf[index];
        if (unit is not null) Monitor.Enter(unit.Gate);
        try
        {
            if (slots[index] is { } made)
            {
                made.MarkDuplicateOf(earlierId);   // handed out through Raw only so far, whose readers never read the mark
            }
            else duplicateOf[index] ??= earlierId;
        }
        finally
        {
            if (unit is not null) Monitor.Exit(unit.Gate);
        }
    }

    private Article Make(int index)
    {
        var unit = unitOf[index] ?? throw new InvalidOperationException($"article {index} was never made");
        lock (unit.Gate)
        {
            if (unit.Make is { } make)
            {
                var articles = make();
                if (articles.Length != unit.Count) throw new InvalidDataException($"the corpus cache gave {articles.Length} articles where {unit.Count} were stored");
                for (int j = 0; j < articles.Length; j++)
                {
                    var a = articles[j];
                    if (duplicateOf[unit.Start + j] is { } earlier) a.MarkDuplicateOf(earlier);
                    AnalysisVersions.Remember(a, fingerprints[unit.Start + j]);
                    Volatile.Write(ref slots[unit.Start + j], a);
                }
                unit.Make = null;
            }
        }
        return slots[index]!;
    }

    public IEnumerator<Article> GetEnumerator()
    {
        for (int i = 0; i < slots.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
