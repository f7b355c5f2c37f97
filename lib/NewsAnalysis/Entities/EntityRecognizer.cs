namespace NewsAnalysis;

/// <summary>Switches of entity recognition.</summary>
public sealed record EntityOptions
{
    /// <summary>Map capitals used as actors to their governments ("Moscow said" → Russia). Off: they stay places. Default on.</summary>
    public bool Metonymy { get; init; } = true;

    /// <summary>Count short forms ("Asif", "Mr Lavrov" → "Lavrov", "IS") in articles that name the entity in full. Default on.</summary>
    public bool ShortForms { get; init; } = true;

    /// <summary>Count demonyms ("Russian" → Russia). Default off: "Russian investment" is about Russia, "a Russian tourist" less so.</summary>
    public bool Demonyms { get; init; }

    /// <summary>The default options.</summary>
    public static EntityOptions Default { get; } = new();
}

/// <summary>How a mention was recognised.</summary>
public enum EntityMentionBasis
{
    /// <summary>An alias that always names the entity ("U.S.", "Daesh").</summary>
    Alias,
    /// <summary>A short form resolved within the article ("Asif", "IS").</summary>
    ShortForm,
    /// <summary>A capital used as its government ("Moscow maintains contacts").</summary>
    Metonym,
    /// <summary>A demonym ("Russian"), when enabled.</summary>
    Demonym,
}

/// <summary>One mention of an entity in an article.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Sentence">Index of the sentence holding the mention (<see cref="Article.Sentences"/>).</param>
/// <param name="Entity">The canonical name.</param>
/// <param name="Type">The entity's type (<c>country</c>, <c>person</c>, <c>organisation</c>, <c>place</c>, <c>group</c>).</param>
/// <param name="Surface">The text as written ("U.S.", "Mr Asif" gives "Asif").</param>
/// <param name="Start">Offset into the article's cleaned text.</param>
/// <param name="Length">Length of <paramref name="Surface"/>.</param>
/// <param name="Basis">How it was recognised.</param>
public sealed record EntityMention(string ArticleId, int Sentence, string Entity, string Type, string Surface, int Start, int Length, EntityMentionBasis Basis);

/// <summary>
/// Finds gazetteer entities in articles: one pass of a trie over each text (leftmost, longest forms at word boundaries,
/// case-sensitive so "US" is not "us"), then article-level resolution of short forms and context rules for capitals.
/// </summary>
public sealed class EntityRecognizer
{
    private readonly EntityTrie trie = new();
    private readonly List<Pattern> patterns = [];

    private enum FormKind { Alias, ShortForm, Metonym, Demonym }

    private sealed record Pattern(string Form, bool AllCaps, List<(int Entry, FormKind Kind)> Targets);

    /// <summary>Builds the matcher for <paramref name="gazetteer"/> (default: <see cref="Gazetteer.Default"/>).</summary>
    public EntityRecognizer(Gazetteer? gazetteer = null, EntityOptions? options = null)
    {
        Gazetteer = gazetteer ?? Gazetteer.Default;
        Options = options ?? EntityOptions.Default;
        for (int e = 0; e < Gazetteer.Entries.Count; e++)
        {
            var entry = Gazetteer.Entries[e];
            foreach (var f in entry.Aliases) AddForm(f, e, FormKind.Alias);
            if (Options.ShortForms) foreach (var f in entry.ShortForms) AddForm(f, e, FormKind.ShortForm);
            if (Options.Metonymy) foreach (var f in entry.Metonyms) AddForm(f, e, FormKind.Metonym);
            if (Options.Demonyms) foreach (var f in entry.Demonyms) AddForm(f, e, FormKind.Demonym);
        }
    }

    /// <summary>The gazetteer in use.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>The options in use.</summary>
    public EntityOptions Options { get; }

    /// <summary>Number of distinct surface forms the matcher looks for (with capitalised variants).</summary>
    public int FormCount => patterns.Count;

    /// <summary>The mentions in <paramref name="article"/>, in text order. Safe to call from several threads.</summary>
    public List<EntityMention> Recognize(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        var raw = new List<(int Start, int End, Pattern Pattern)>();
        var scratch = new List<(int End, int Pattern)>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1]))) { i++; continue; }
            trie.Walk(text, i, scratch);
            int accepted = -1;
            for (int k = scratch.Count - 1; k >= 0 && accepted < 0; k--)
            {
                var (end, p) = scratch[k];
                if (patterns[p].AllCaps && IsInShoutingSentence(article, i, end)) continue;
                accepted = k;
            }
            if (accepted < 0) { i++; continue; }
            raw.Add((i, scratch[accepted].End, patterns[scratch[accepted].Pattern]));
            i = scratch[accepted].End;
        }
        return Resolve(article, raw);
    }

    /// <summary>The mentions in every article of <paramref name="corpus"/>, by article then offset.</summary>
    public List<EntityMention> Recognize(NewsCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        // With a result store in effect (ArticleResultStore.Use, NEWSANALYSIS_CACHE), only new articles are read.
        return ArticleResultStore.WithCurrent(store => store.Recognize(corpus, this).ToList(), () => corpus.Articles.SelectMany(Recognize).ToList());
    }

    private List<EntityMention> Resolve(Article article, List<(int Start, int End, Pattern Pattern)> raw)
    {
        // Entities the article names by an alias, with where: short forms resolve only to these, to the nearest one.
        var named = new List<(int Start, int Entry)>();
        foreach (var (start, _, p) in raw)
            foreach (var (entry, kind) in p.Targets)
                if (kind == FormKind.Alias) named.Add((start, entry));

        var mentions = new List<EntityMention>(raw.Count);
        foreach (var (start, end, p) in raw)
        {
            var resolved = ResolveOne(article.Text, start, end, p, named);
            if (resolved is not { } r) continue;
            var entry = Gazetteer.Entries[r.Entry];
            mentions.Add(new EntityMention(article.Id, SentenceOf(article, start)?.Index ?? 0, entry.Name, entry.TypeName,
                article.Text[start..end], start, end - start, r.Basis));
        }
        return mentions;
    }

    private (int Entry, EntityMentionBasis Basis)? ResolveOne(string text, int start, int end, Pattern p, List<(int Start, int Entry)> named)
    {
        int Target(FormKind kind) => p.Targets.FindIndex(t => t.Kind == kind) is var k and >= 0 ? p.Targets[k].Entry : -1;

        int alias = Target(FormKind.Alias), metonym = Target(FormKind.Metonym);
        if (alias >= 0)
        {
            // A place that also stands for a government ("Moscow"): the words around it decide.
            if (metonym >= 0 && Gazetteer.Entries[alias].Type == EntityType.Place && EntityContext.IsGovernmentUse(text, start, end))
                return (metonym, EntityMentionBasis.Metonym);
            return (alias, EntityMentionBasis.Alias);
        }
        var shortTargets = p.Targets.Where(t => t.Kind == FormKind.ShortForm).Select(t => t.Entry).ToList();
        if (shortTargets.Count > 0)
        {
            int best = -1, bestDistance = int.MaxValue;
            foreach (var (at, entry) in named)
            {
                if (!shortTargets.Contains(entry)) continue;
                // Nearest full mention before; one after counts only when none is before.
                int distance = at <= start ? start - at : int.MaxValue / 2 + (at - start);
                if (distance < bestDistance) (best, bestDistance) = (entry, distance);
            }
            if (best >= 0) return (best, EntityMentionBasis.ShortForm);
            if (p.AllCaps && shortTargets.Count == 1 && EntityContext.HasNameCue(text, start, end))
                return (shortTargets[0], EntityMentionBasis.ShortForm);
        }
        int demonym = Target(FormKind.Demonym);
        return demonym >= 0 ? (demonym, EntityMentionBasis.Demonym) : null;
    }

    // "US" in an all-caps headline may be the word "us": all-caps forms count only in sentences of mixed case.
    private static bool IsInShoutingSentence(Article article, int start, int end)
    {
        var sentence = SentenceOf(article, start);
        return sentence is null ? EntityContext.IsShouting(article.Text, start, end) : EntityContext.IsShouting(article.Text, sentence.Start, sentence.End);
    }

    private static SentenceSpan? SentenceOf(Article article, int offset) =>
        article.Sentences.Count == 0 ? null : article.Sentences[KeywordInContext.SentenceIndex(article, offset)];

    private void AddForm(string form, int entry, FormKind kind)
    {
        Add(form, entry, kind);
        // "al-Qaeda" also matches as "Al-Qaeda" at the start of a sentence.
        if (char.IsLower(form[0])) Add(char.ToUpperInvariant(form[0]) + form[1..], entry, kind);
    }

    private void Add(string form, int entry, FormKind kind)
    {
        if (trie.Add(form, patterns.Count, out var existing))
            patterns.Add(new Pattern(form, EntityContext.IsAllCaps(form) && form.Count(char.IsLetter) <= 5, [(entry, kind)]));
        else if (!patterns[existing].Targets.Contains((entry, kind)))
            patterns[existing].Targets.Add((entry, kind));
    }
}
