namespace NewsAnalysis.Tests;

/// <summary>metadata.csv rows that name a missing file or carry an unreadable date are reported, not silently dropped.</summary>
public class CorpusMetadataRowTests
{
    private static CorpusTempFolder SeedsWithMetadata(string csv)
    {
        var dir = new CorpusTempFolder();
        foreach (var f in Directory.GetFiles(TestData.Articles)) File.Copy(f, Path.Combine(dir.Path, Path.GetFileName(f)));
        dir.Write("metadata.csv", csv);
        return dir;
    }

    [Fact]
    public void Corpus_metadata_row_naming_a_missing_file_is_rejected_with_its_line()
    {
        using var dir = SeedsWithMetadata("file,title,source\n003_2582ff4afcd3cfad.txt,Lavrov in Islamabad,VOA\nghost.txt,Never loaded,Nobody\n");
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(5, corpus.Articles.Count);
        var r = Assert.Single(corpus.Rejected);
        Assert.Equal(Path.Combine(dir.Path, "metadata.csv") + "#line 3", r.Path);
        Assert.Equal("names 'ghost.txt', which is not in the folder", r.Reason);
        Assert.Equal("Lavrov in Islamabad", corpus.Articles.Single(a => a.Id.StartsWith("003", StringComparison.Ordinal)).Title);
    }

    [Fact]
    public void Corpus_metadata_row_with_a_bad_date_keeps_its_other_overrides()
    {
        using var dir = SeedsWithMetadata("file,title,source,published\n003_2582ff4afcd3cfad.txt,Lavrov in Islamabad,VOA,last Tuesday\n");
        var corpus = Corpus.Load(dir.Path);
        var a = corpus.Articles.Single(x => x.Id.StartsWith("003", StringComparison.Ordinal));
        Assert.Equal(("Lavrov in Islamabad", "metadata"), (a.Title, a.TitleBasis));
        Assert.Equal(("VOA", "metadata.csv"), (a.Source, a.SourceEvidence));
        Assert.NotEqual(PublishedBasis.Metadata, a.PublishedBasis);   // the date comes from inference, as without the row
        Assert.Equal(TestData.Seeds.Articles.Single(x => x.Id == a.Id).Published, a.Published);
        var r = Assert.Single(corpus.Rejected);
        Assert.EndsWith("metadata.csv#line 2", r.Path);
        Assert.Contains("'last Tuesday' is not a date", r.Reason);
    }

    [Fact]
    public void Corpus_cli_lists_missing_metadata_rows_with_relative_paths()
    {
        using var dir = SeedsWithMetadata("file,title\nghost.txt,Never loaded\n");
        var (exit, output, error) = CliRunner.Run("corpus", "--data", dir.Path, "--rejected", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("metadata.csv#line 2,\"names 'ghost.txt', which is not in the folder\"", output);
    }
}
