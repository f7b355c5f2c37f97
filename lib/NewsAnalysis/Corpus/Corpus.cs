namespace NewsAnalysis;

/// <summary>Entry point: loads a folder or file of news articles.</summary>
public static class Corpus
{
    /// <summary>
    /// Loads every article under <paramref name="path"/> (a folder, searched recursively, or a single file).
    /// Every file ends up either as one or more articles or as a row of <see cref="NewsCorpus.Rejected"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">When <paramref name="path"/> does not exist.</exception>
    public static NewsCorpus Load(string path, CorpusOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= CorpusOptions.Default;
        string full = System.IO.Path.GetFullPath(path);
        IEnumerable<string> files;
        if (Directory.Exists(full))
            files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        else if (File.Exists(full))
            files = [full];
        else
            throw new FileNotFoundException($"No such file or folder: '{path}' (resolved to '{full}').", full);

        var articles = new List<Article>();
        var rejected = new List<RejectedInput>();
        var changes = new List<CleaningChange>();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            if (info.Length == 0) { rejected.Add(new(file, "empty file")); continue; }
            if (info.Length > options.MaxFileBytes) { rejected.Add(new(file, $"file is {info.Length:N0} bytes, over the {options.MaxFileBytes:N0}-byte limit")); continue; }
            var ext = System.IO.Path.GetExtension(file).ToLowerInvariant();
            if (ext is not ".txt" and not ".md") { rejected.Add(new(file, $"unsupported file type '{ext}'")); continue; }
            var text = File.ReadAllText(file);
            articles.Add(ArticleBuilder.FromPlainText(System.IO.Path.GetFileNameWithoutExtension(file), file, text, changes));
        }
        return new NewsCorpus(articles, rejected, changes);
    }

    /// <summary>Builds a corpus from articles already in memory (cleaned, titled and split like loaded files).</summary>
    public static NewsCorpus FromRecords(IEnumerable<ArticleRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var changes = new List<CleaningChange>();
        var articles = records.Select(r => ArticleBuilder.FromRecord(r, changes)).ToList();
        return new NewsCorpus(articles, [], changes);
    }
}
