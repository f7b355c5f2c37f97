using Microsoft.Data.Analysis;
using System.Security.Cryptography;
using System.Text;

namespace NewsAnalysis;

/// <summary>How many input files' rows a segmented frame read back and how many it built, in one call.</summary>
/// <param name="Frame">The frame (e.g. <c>sentiment-sentences</c>).</param>
/// <param name="Reused">Input files whose rows were read from their segment.</param>
/// <param name="Built">Input files whose rows were built from their articles (and kept).</param>
public sealed record SegmentCounts(string Frame, int Reused, int Built)
{
    /// <summary>Of those built, the input files whose rows were put together from their earlier rows and the rows of their articles cleaned anew (an edited row).</summary>
    public int Patched { get; init; }

    /// <summary>Time spent reading and decoding the segments.</summary>
    public TimeSpan ReadTime { get; init; }

    /// <summary>Time of the whole call.</summary>
    public TimeSpan TotalTime { get; init; }
}

// The result store's frame segments: each input file's finished rows of a frame, kept per file (a segment) and, for a
// row writer whose rows stand alone (CSV), as the text written, so a rerun reads back or copies an unchanged file's
// rows and patches a changed one's.
public sealed partial class ArticleResultStore
{
    /// <summary>The folder, inside the cache folder, of each frame's segments (a file per input file's rows).</summary>
    internal const string SegmentsFolder = "segments";

    // The per-article result keys (analysis and key) that Cached uses in this flow of execution, while a segment is built.
    private static readonly AsyncLocal<List<(string Analysis, string[] Keys)>?> KeyRecorder = new();

    /// <summary>Fewest articles an input file has for its rows to be kept as a segment (smaller files' rows are built each run, a run of files at once). Default 100.</summary>
    internal int SegmentMinArticles { get; set; } = 100;

    /// <summary>Most articles whose rows are built in one go (and held at once by <see cref="WriteSegmented"/>). Default 20,000.</summary>
    internal int BuildBatchArticles { get; set; } = 20_000;
    private readonly Dictionary<string, HashSet<string>> segmentsUsed = new(StringComparer.Ordinal);   // per frame name, the files used

    /// <summary>What each segmented frame took from its segments and built, in order.</summary>
    public IReadOnlyList<SegmentCounts> Segments { get { lock (segmentCounts) return segmentCounts.ToList(); } }

    private readonly List<SegmentCounts> segmentCounts = [];

    /// <summary>
    /// The frame <paramref name="build"/> gives for <paramref name="corpus"/>, put together from one segment per input
    /// file: an unchanged file's rows are read back as they were (its articles are not made, its per-article results
    /// not read), the others are built from that file's articles alone and kept. <paramref name="build"/> must give
    /// rows of each article from that article alone (no near-duplicate mark, nothing corpus-wide), in article order;
    /// <paramref name="version"/> names everything else the rows depend on (analysis versions, options). A corpus not
    /// loaded with the corpus cache is built whole.
    /// </summary>
    internal DataFrame Segmented(NewsCorpus corpus, string name, string version, Func<NewsCorpus, DataFrame> build) =>
        SegmentParts(corpus, name, version, build) is { } parts ? FrameSegments.Concat(parts) : build(corpus);

    /// <summary>
    /// The parts <see cref="Segmented"/> puts together (one per input file, in order), or null when the frame is to be
    /// built whole (a corpus not loaded with the corpus cache, or a column class a segment does not keep).
    /// </summary>
    internal IReadOnlyList<FrameSegments.Part>? SegmentParts(NewsCorpus corpus, string name, string version, Func<NewsCorpus, DataFrame> build)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (corpus.Units is not { Count: > 0 } units) return null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var folder = Path.Combine(Folder, SegmentsFolder, name);
        var parts = new FrameSegments.Part?[units.Count];
        var files = new string?[units.Count];
        for (int k = 0; k < units.Count; k++) files[k] = SegmentFile(folder, name, version, units[k]);
        Parallel.For(0, units.Count, k =>
        {
            if (files[k] is { } file && File.Exists(file))
            {
                try { parts[k] = FrameSegments.Decode(File.ReadAllBytes(file)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        });
        int reused = parts.Count(p => p is not null);
        var source = corpus.Articles is CorpusArticles lazy ? lazy.Raw : corpus.Articles;
        int patched = Patch(units, source, parts, files, folder, name, version, build);
        if (patched < 0) return null;
        var read = clock.Elapsed;
        // The other files' rows, built a run of consecutive files at a time (10,000 one-article files are not 10,000
        // builds), from their articles without waiting for near-duplicate marks, then cut into each file's rows.
        for (int k0 = 0; k0 < units.Count;)
        {
            if (parts[k0] is not null) { k0++; continue; }
            int k1 = k0, count = 0;
            while (k1 < units.Count && parts[k1] is null && (k1 == k0 || count + units[k1].Count <= BuildBatchArticles)) count += units[k1++].Count;
            var articles = new Article[count];
            for (int k = k0, at = 0; k < k1; k++)
                for (int j = 0; j < units[k].Count; j++) articles[at++] = source[units[k].Start + j];
            var calls = new List<(string Analysis, string[] Keys)>();
            KeyRecorder.Value = calls;
            DataFrame frame;
            try { frame = build(new NewsCorpus(articles, [], [])); }
            finally { KeyRecorder.Value = null; }
            if (FrameSegments.Of(frame, []) is not { } whole) return null;   // a column class a segment does not keep
            if (FrameSegments.Split(whole, articles, units.Skip(k0).Take(k1 - k0).Select(u => u.Count).ToArray()) is not { } cut) return null;
            for (int k = k0, at = 0; k < k1; at += units[k].Count, k++)
            {
                var (from, length) = (at, units[k].Count);
                var keys = calls.Where(c => c.Keys.Length == count).SelectMany(c => c.Keys.Skip(from).Take(length).Select(key => c.Analysis + "\u001f" + key)).ToArray();
                parts[k] = cut[k - k0] with { Keys = keys };
                if (files[k] is { } file) WriteSegment(file, stream => stream.Write(FrameSegments.Encode(parts[k]!)));
            }
            k0 = k1;
        }
        var all = parts.Select(p => p!).ToList();
        if (!all.TrueForAll(p => FrameSegments.SameSchema(p, all[0]))) return null;
        MarkUsed(name, all.Select(p => p.Keys), files);
        lock (segmentCounts) segmentCounts.Add(new SegmentCounts(name, reused, units.Count - reused) { Patched = patched, ReadTime = read, TotalTime = clock.Elapsed });
        return all;
    }

    // The files whose entry was rewritten with some articles as they were (an edited row, an article cleaned again):
    // their rows are the kept rows of those articles, read from the segment of the entry they came from, and the rows
    // of the others, built together (one build for every such file). Fills parts and writes their segments; returns
    // how many files it patched (a file it cannot patch is left to be built), or -1 when the built rows cannot be kept
    // as a segment (the frame is then built whole).
    private int Patch(IReadOnlyList<CorpusUnit> units, IReadOnlyList<Article> source, FrameSegments.Part?[] parts, string?[] files,
        string folder, string name, string version, Func<NewsCorpus, DataFrame> build)
    {
        var old = new FrameSegments.Part?[units.Count];
        Parallel.For(0, units.Count, k =>
        {
            if (parts[k] is not null || files[k] is null || units[k].Origin is not { } origin) return;
            if (SegmentFile(folder, name, version, units[k] with { Identity = origin.Identity }) is not { } file || !File.Exists(file)) return;
            try { old[k] = FrameSegments.Decode(File.ReadAllBytes(file)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            // Rows are found by article id; kept keys are a run of the old file's article keys per analysis.
            if (old[k] is { } part && (!part.Names.Contains("ArticleId") || part.Keys.Length % Math.Max(1, origin.Count) != 0)) old[k] = null;
        });
        var patching = Enumerable.Range(0, units.Count).Where(k => old[k] is not null).ToList();
        if (patching.Count == 0) return 0;

        // The articles cleaned now, of every file patched, built in one go and cut per file.
        var built = new List<Article>();
        var runs = new int[patching.Count];
        for (int i = 0; i < patching.Count; i++)
        {
            var unit = units[patching[i]];
            for (int j = 0; j < unit.Count; j++)
                if (unit.Origin!.From[j] < 0) { built.Add(source[unit.Start + j]); runs[i]++; }
        }
        var cut = new FrameSegments.Part?[patching.Count];
        var calls = new List<(string Analysis, string[] Keys)>();
        if (built.Count > 0)
        {
            var articles = built.ToArray();
            KeyRecorder.Value = calls;
            DataFrame frame;
            try { frame = build(new NewsCorpus(articles, [], [])); }
            finally { KeyRecorder.Value = null; }
            if (FrameSegments.Of(frame, []) is not { } whole || FrameSegments.Split(whole, articles, runs) is not { } split) return -1;
            for (int i = 0; i < split.Length; i++) cut[i] = split[i];
        }
        // Keys in the layout a built segment has (per analysis, one per article in order), so that the file can be patched again.
        var builtCalls = calls.Where(c => c.Keys.Length == built.Count).ToList();
        int count = 0;
        for (int i = 0, at = 0; i < patching.Count; at += runs[i], i++)
        {
            int k = patching[i];
            var (unit, origin, before) = (units[k], units[k].Origin!, old[k]!);
            int analyses = origin.Count == 0 ? 0 : before.Keys.Length / origin.Count;
            bool LineUp(int key, string analysis) => before.Keys[key].StartsWith(analysis + "\u001f", StringComparison.Ordinal);
            if (runs[i] > 0 && !KeysLineUp(analyses, origin.Count, builtCalls, LineUp)) continue;   // built as a new file's rows
            int first = at;
            var keys = MergedKeys(analyses, origin, key => before.Keys[key], (a, e) => builtCalls[a].Analysis + "\u001f" + builtCalls[a].Keys[first + e]);
            var ids = new string[unit.Count];
            for (int j = 0; j < unit.Count; j++) ids[j] = source[unit.Start + j].Id;
            if (FrameSegments.Patch(before, cut[i], ids, origin.From, keys) is not { } part) continue;
            parts[k] = part;
            WriteSegment(files[k]!, stream => stream.Write(FrameSegments.Encode(part)));
            count++;
        }
        return count;
    }

    // Whether the keys of a file's earlier rows (a run of its articles' keys per analysis) name the analyses of the
    // build's calls, in order: isOf(key, analysis) says whether earlier key number key is one of analysis.
    private static bool KeysLineUp(int analyses, int articles, List<(string Analysis, string[] Keys)> calls, Func<int, string, bool> isOf)
    {
        if (calls.Count != analyses) return false;
        for (int a = 0; a < analyses; a++) if (!isOf(a * articles, calls[a].Analysis)) return false;
        return true;
    }

    // The keys of a file whose articles partly came from its old entry, in a segment's layout (per analysis, one per
    // article in order): an article that came from it keeps its old key (old(place among the old keys)), an edited one
    // takes the next key of the build's call for that analysis (made(analysis, how many edited articles before it)).
    private static T[] MergedKeys<T>(int analyses, CorpusUnitOrigin origin, Func<int, T> old, Func<int, int, T> made)
    {
        var keys = new T[analyses * origin.From.Length];
        for (int a = 0, n = 0; a < analyses; a++)
            for (int j = 0, e = 0; j < origin.From.Length; j++)
                keys[n++] = origin.From[j] >= 0 ? old(a * origin.Count + origin.From[j]) : made(a, e++);
        return keys;
    }

    // The segment file of a unit's rows: null when the unit has no identity or too few articles to keep its rows.
    private string? SegmentFile(string folder, string name, string version, CorpusUnit unit) =>
        unit.Identity is { } identity && unit.Count >= SegmentMinArticles ? Path.Combine(folder, SegmentKey(name, version, identity) + ".seg") : null;

    // The per-article results a segment's rows came from are used by this run too (PruneUnused keeps them), and so are
    // the segment files (and renderings) read or written.
    private void MarkUsed(string name, IEnumerable<string[]> keyLists, IEnumerable<string?> files) =>
        MarkUsed(name, keyLists.Select(ResultKeys.Of), files);

    private void MarkUsed(string name, IEnumerable<ResultKeys> keyLists, IEnumerable<string?> files)
    {
        lock (database.Gate)
        {
            foreach (var keys in keyLists)
            {
                var sets = Array.ConvertAll(keys.Analyses, Used);
                for (int i = 0; i < keys.Count; i++) sets[keys.AnalysisOf[i]].Add(keys.Values[i]);
            }
            if (!segmentsUsed.TryGetValue(name, out var usedFiles)) segmentsUsed[name] = usedFiles = new(StringComparer.Ordinal);
            foreach (var file in files) if (file is not null) usedFiles.Add(Path.GetFileName(file));
        }
    }

    // The keys of the analysis used so far (under the database's gate).
    private HashSet<UInt128> Used(string analysis)
    {
        if (!used.TryGetValue(analysis, out var set)) used[analysis] = set = [];
        return set;
    }

    /// <summary>
    /// Writes the rows of the frame <see cref="Segmented"/> would give. Returns the rows written, or null, writing
    /// nothing, for a corpus not loaded with the corpus cache. When the writer's rows can be rendered apart (CSV,
    /// <see cref="FrameRowWriter.RenderingKey"/>), each kept file's rows are written by <paramref name="writeArticles"/>
    /// from its articles (a run of 20,000 at a time) and kept as the text written; a rerun copies that text, and a
    /// changed file's text is put together from its old text and its edited articles' new rows. No segment is read or
    /// made for them: building a frame, encoding a segment and rendering it again had made a cold CSV run twice as long
    /// as writing from the articles. Otherwise (JSON, and files too small to keep) the rows come from segments, or are
    /// built, a run of files at a time (at most 20,000 articles' rows held at once).
    /// </summary>
    internal long? WriteSegmented(NewsCorpus corpus, string name, string version, Func<NewsCorpus, DataFrame> build, FrameRowWriter writer,
        Func<IReadOnlyList<Article>, FrameRowWriter, long> writeArticles)
    {
        if (corpus.Units is not { Count: > 0 } units) return null;
        var raw = corpus.Articles is CorpusArticles lazy ? lazy.Raw : corpus.Articles;
        long rows = 0;
        var folder = Path.Combine(Folder, SegmentsFolder, name);
        var rendering = writer.RenderingKey is { } renderingKey ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(renderingKey)), 0, 8) : null;
        string? RenderedFileOf(CorpusUnit unit) => rendering is not null && SegmentFile(folder, name, version, unit) is { } file ? $"{file[..^4]}-{rendering}.rows" : null;
        // A run of files without kept text: from their segments, or built (their rows held at once).
        void Built(int k0, int k1)
        {
            if (k0 == k1) return;
            int start = units[k0].Start, count = units[k1 - 1].Start + units[k1 - 1].Count - start;
            var range = Range(raw, start, count);
            var sub = new NewsCorpus(range, [], []) { Units = units.Skip(k0).Take(k1 - k0).Select(u => u with { Start = u.Start - start }).ToList() };
            rows += SegmentParts(sub, name, version, build) is { } parts ? FrameSegments.WriteRows(parts, writer) : writeArticles(Range(corpus.Articles, start, count), writer);
        }
        // A file with kept text, or too big to build: its kept text copied, else its old text patched, else written from
        // its articles (rows need no near-duplicate mark: the articles as made) and its text kept.
        void Written(int k)
        {
            var articles = Range(raw, units[k].Start, units[k].Count);
            if (RenderedFileOf(units[k]) is not { } file) { rows += writeArticles(articles, writer); return; }
            // The file's segment, when a frame was made of it in this folder, is kept as the text is (pruned with it).
            var segment = SegmentFile(folder, name, version, units[k]);
            using (var kept = File.Exists(file) ? RenderedRows.Open(file) : null)
            {
                if (kept is not null)
                {
                    writer.WriteRendered(kept.Text, kept.TextLength, kept.Rows);
                    rows += kept.Rows;
                    MarkUsed(name, [kept.Keys], [file, segment]);
                    lock (segmentCounts) segmentCounts.Add(new SegmentCounts(name, 1, 0));
                    return;
                }
            }
            if (units[k].Origin is { } origin && RenderedFileOf(units[k] with { Identity = origin.Identity }) is { } oldFile && File.Exists(oldFile))
            {
                using var old = RenderedRows.Open(oldFile);
                if (old is not null && PatchedText(articles, origin, old, file, writer, build) is { } patched)
                {
                    rows += patched.Rows;
                    MarkUsed(name, [patched.Keys], [file, segment]);
                    lock (segmentCounts) segmentCounts.Add(new SegmentCounts(name, 0, 1) { Patched = 1 });
                    return;
                }
            }
            rows += WrittenInRuns(articles, file, writer, writeArticles);
            MarkUsed(name, Array.Empty<ResultKeys>(), [file, segment]);
            lock (segmentCounts) segmentCounts.Add(new SegmentCounts(name, 0, 1));
        }
        int first = 0, held = 0;
        for (int k = 0; k < units.Count; k++)
        {
            if (units[k].Count > BuildBatchArticles || RenderedFileOf(units[k]) is not null)
            {
                Built(first, k);
                Written(k);
                (first, held) = (k + 1, 0);
                continue;
            }
            if (held + units[k].Count > BuildBatchArticles) { Built(first, k); (first, held) = (k, 0); }
            held += units[k].Count;
        }
        Built(first, units.Count);
        return rows;
    }

    /// <summary>
    /// A changed file's rows written and kept in <paramref name="file"/>, put together in article order from
    /// <paramref name="old"/> (the text kept for the file's old entry) for the articles that came from it and from the
    /// rows <paramref name="build"/> gives the others (all of them at once). Returns the rows and the keys of the new
    /// text; null, having written nothing, when the old text does not tell its articles apart, its
    /// keys are not in the layout the new rows' keys are, or the new rows do not all belong to the edited articles.
    /// </summary>
    private (long Rows, ResultKeys Keys)? PatchedText(IReadOnlyList<Article> articles, CorpusUnitOrigin origin, RenderedRows.Kept old, string file,
        FrameRowWriter writer, Func<NewsCorpus, DataFrame> build)
    {
        if (old.Articles() is not { } oldArticles || Parts(oldArticles) is not { } oldParts) return null;
        int n = origin.Count;
        if (n == 0 || old.Keys.Count % n != 0) return null;
        int analyses = old.Keys.Count / n;
        var edited = new List<Article>();
        for (int j = 0; j < articles.Count; j++) if (origin.From[j] < 0) edited.Add(articles[j]);
        if (edited.Count > BuildBatchArticles) return null;   // their rows would all be held: written from the articles instead
        RenderedText? made = null;
        var calls = new List<(string Analysis, string[] Keys)>();
        try
        {
            Dictionary<string, (long Start, long Length, int Rows)>? madeParts = null;
            if (edited.Count > 0)
            {
                DataFrame frame;
                KeyRecorder.Value = calls;
                try { frame = build(new NewsCorpus(edited.ToArray(), [], [])); }
                finally { KeyRecorder.Value = null; }
                if (FrameSegments.Of(frame, []) is not { } rowsMade) return null;
                made = RenderedRows.Render(rowsMade, writer);
                if (made?.Articles is not { } madeArticles || (madeParts = Parts(madeArticles)) is null) return null;
                // The old text names no results (a big file written from its articles): the new one names none either.
                calls = analyses == 0 ? [] : calls.Where(c => c.Keys.Length == edited.Count).ToList();
                if (!KeysLineUp(analyses, n, calls, (key, analysis) => old.Keys[key].Analysis == analysis)) return null;
            }
            // The pieces, in article order: (from the old text?, start, length, rows).
            var pieces = new List<(bool Old, long Start, long Length, int Rows)>();
            var parts = new List<ArticleRows>();
            long madeRows = 0;
            foreach (var (article, j) in articles.Select((a, j) => (a, j)))
            {
                bool fromOld = origin.From[j] >= 0;
                if (!(fromOld ? oldParts : madeParts!).TryGetValue(article.Id, out var part)) continue;   // an article without rows
                pieces.Add((fromOld, part.Start, part.Length, part.Rows));
                parts.Add(new ArticleRows(article.Id, part.Length, part.Rows));
                if (!fromOld) madeRows += part.Rows;
            }
            if (made is not null && madeRows != made.Rows) return null;

            var resultKeys = ResultKeys.From(MergedKeys(analyses, origin, key => old.Keys[key], (a, e) => (calls[a].Analysis, ResultKeys.Value(calls[a].Keys[e]))));

            long rows = 0, textLength = 0;
            WriteKept(file, kept =>
            {
                for (int p = 0; p < pieces.Count;)
                {
                    // Pieces that follow each other in one text are copied as one.
                    var (fromOld, start, length, pieceRows) = pieces[p++];
                    while (p < pieces.Count && pieces[p].Old == fromOld && pieces[p].Start == start + length)
                    {
                        length += pieces[p].Length;
                        pieceRows += pieces[p++].Rows;
                    }
                    Stream source = fromOld ? old.Text : made!.Text;
                    source.Position = start;
                    CopyBytes(source, kept, length);
                    source.Position = start;
                    writer.WriteRendered(source, length, pieceRows);
                    rows += pieceRows;
                    textLength += length;
                }
                RenderedRows.WriteHead(kept, resultKeys, rows, textLength, parts);
                return true;
            });
            return (rows, resultKeys);
        }
        finally
        {
            made?.Dispose();
        }
    }

    // Each article's place in a kept text (start, length, rows) by id; null when an id comes twice (its rows are not together).
    private static Dictionary<string, (long Start, long Length, int Rows)>? Parts(List<ArticleRows> articles)
    {
        var parts = new Dictionary<string, (long, long, int)>(articles.Count, StringComparer.Ordinal);
        long at = 0;
        foreach (var a in articles)
        {
            if (!parts.TryAdd(a.Id, (at, a.Length, a.Rows))) return null;
            at += a.Length;
        }
        return parts;
    }

    private static void CopyBytes(Stream from, Stream to, long length)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (long left = length; left > 0;)
            {
                int read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0) throw new EndOfStreamException($"kept rows cut short: {left} of {length} bytes missing");
                to.Write(buffer, 0, read);
                left -= read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes the rows <paramref name="writeArticles"/> gives <paramref name="articles"/> (a file too big to hold its
    /// rows), <see cref="BuildBatchArticles"/> articles at a time, and keeps their text in <paramref name="file"/> as it
    /// goes, with the keys of the per-article results they came from (per analysis, one per article in order, as a
    /// segment keeps them) and each article's part of the text (renamed into place once whole). When a run's text
    /// cannot be kept exactly (a lone surrogate), it is written again straight to <paramref name="writer"/> and no text
    /// is kept for the file. Returns the rows written.
    /// </summary>
    private long WrittenInRuns(IReadOnlyList<Article> articles, string file, FrameRowWriter writer, Func<IReadOnlyList<Article>, FrameRowWriter, long> writeArticles)
    {
        List<List<(string Analysis, UInt128 Value)>>? keys = null;   // per analysis
        var parts = new List<ArticleRows>();
        bool apart = true;
        long rows = 0, textLength = 0;
        WriteKept(file, stream =>
        {
            bool keep = true;
            for (int at = 0; at < articles.Count; at += BuildBatchArticles)
            {
                var run = Range(articles, at, Math.Min(BuildBatchArticles, articles.Count - at));
                if (!keep) { rows += writeArticles(run, writer); continue; }
                var calls = new List<(string Analysis, string[] Keys)>();
                KeyRecorder.Value = calls;
                RenderedText? rendered;
                try { rendered = RenderedRows.Render(writer, rowsOnly => writeArticles(run, rowsOnly)); }
                finally { KeyRecorder.Value = null; }
                if (rendered is null)
                {
                    keep = false;
                    rows += writeArticles(run, writer);
                    continue;
                }
                using (rendered)
                {
                    var runCalls = calls.Where(c => c.Keys.Length == run.Count).ToList();
                    keys ??= runCalls.Select(_ => new List<(string, UInt128)>(articles.Count)).ToList();
                    // Every run names the same analyses in the same order, or the file's text is kept without its articles' parts.
                    if (runCalls.Count != keys.Count) apart = false;
                    for (int a = 0; a < Math.Min(runCalls.Count, keys.Count); a++)
                        keys[a].AddRange(runCalls[a].Keys.Select(key => (runCalls[a].Analysis, ResultKeys.Value(key))));
                    if (rendered.Articles is { } runParts) parts.AddRange(runParts); else apart = false;
                    stream.Write(rendered.Text.GetBuffer(), 0, (int)rendered.Text.Length);
                    textLength += rendered.Text.Length;
                    writer.WriteRendered(rendered.Text, rendered.Text.Length, rendered.Rows);
                    rows += rendered.Rows;
                }
            }
            if (keep) RenderedRows.WriteHead(stream, ResultKeys.From([.. (keys ?? []).SelectMany(k => k)]), rows, textLength, apart ? parts : null);
            return keep;
        });
        return rows;
    }

    /// <summary>
    /// Writes the rows of the frame <paramref name="build"/> gives for <paramref name="corpus"/>: with a store in effect,
    /// through its <see cref="WriteSegmented"/> (a kept file's CSV rows, and a file of more articles than a run, written
    /// by <paramref name="writeArticles"/>), else — no store, or a corpus not loaded with the corpus cache — by <paramref name="writeArticles"/> for every
    /// article. Returns the rows written.
    /// </summary>
    internal static long WriteRows(NewsCorpus corpus, string name, string version, Func<NewsCorpus, DataFrame> build, FrameRowWriter writer,
        Func<IReadOnlyList<Article>, FrameRowWriter, long> writeArticles) =>
        WithCurrent(store => store.WriteSegmented(corpus, name, version, build, writer, writeArticles), () => null)
        ?? writeArticles(corpus.Articles, writer);

    // A run of a list's articles, read through.
    private static IReadOnlyList<Article> Range(IReadOnlyList<Article> source, int start, int count) =>
        new IndexedView<(IReadOnlyList<Article> Source, int Start), Article>((source, start), count, static (s, i) => s.Source[s.Start + i]);

    private static string SegmentKey(string name, string version, byte[] identity)
    {
        var text = Encoding.UTF8.GetBytes(name + "\n" + version + "\n");
        return Convert.ToHexString(SHA256.HashData([.. text, .. identity]), 0, 16);
    }

    private static void WriteSegment(string file, Action<Stream> write) => WriteKept(file, stream =>
    {
        write(stream);
        return true;
    });

    // Written beside its place and renamed over it when write says to keep it: a killed run leaves the old file, the
    // new one, or none (segments and kept text alike); a file not kept, or whose writing failed, leaves nothing.
    private static void WriteKept(string file, Func<Stream, bool> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + "." + Environment.ProcessId + ".tmp";
        try
        {
            bool keep;
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16)) keep = write(stream);
            if (keep) File.Move(temporary, file, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // The segments of each frame built this run that it did not use (files gone or changed, older versions), and
    // leftover temporary files. Returns how many files were removed.
    private int PruneSegments()
    {
        int removed = 0;
        foreach (var (name, usedFiles) in segmentsUsed)
        {
            var folder = Path.Combine(Folder, SegmentsFolder, name);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder))
                if (!usedFiles.Contains(Path.GetFileName(file))) { File.Delete(file); removed++; }
        }
        segmentsUsed.Clear();
        return removed;
    }
}
