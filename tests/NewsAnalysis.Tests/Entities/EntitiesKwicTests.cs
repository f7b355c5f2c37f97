namespace NewsAnalysis.Tests;

public class EntitiesKwicTests
{
    private static EntityAnalysis Seeds => EntitiesTestData.Seeds;

    // Hand-counted: "pipeline" five times in the body of 003 (the heading "Gas pipeline", "gas pipeline will begin soon",
    // "The pipeline, linking", "north-south gas pipeline", "gas pipeline project"), and once in the image caption of 000
    // ("on a pipeline to transfer natural gas"), which a cleaner may drop as page chrome.
    [Fact]
    public void Kwic_of_a_word_finds_every_occurrence_with_context()
    {
        var frame = Seeds.Kwic("pipeline", 30);
        Assert.Equal(["ArticleId", "Title", "Published", "Sentence", "Start", "Left", "Match", "Right"], frame.Columns.Select(c => c.Name));
        var ids = frame["ArticleId"].Cast<string>().ToList();
        Assert.Equal(5, ids.Count(id => id.StartsWith("003", StringComparison.Ordinal)));
        int caption = TestData.Seed("000").Text.Contains("pipeline to transfer", StringComparison.Ordinal) ? 1 : 0;
        Assert.Equal(5 + caption, frame.Rows.Count);
        Assert.All(frame["Match"].Cast<string>(), m => Assert.Equal("pipeline", m, ignoreCase: true));
        Assert.All(frame["Left"].Cast<string>(), l => Assert.True(l.Length <= 30));
        Assert.Contains(frame["Left"].Cast<string>(), l => l.EndsWith("north-south gas ", StringComparison.Ordinal));
        Assert.Contains(frame["Right"].Cast<string>(), r => r.StartsWith(", linking the southern", StringComparison.Ordinal));
    }

    [Fact]
    public void Kwic_of_a_phrase_matches_across_any_spacing_and_case()
    {
        var frame = Seeds.Kwic("gas pipeline");
        Assert.Equal(4, frame.Rows.Count);
        Assert.Contains(frame["Match"].Cast<string>(), m => m == "Gas pipeline");
        Assert.Equal(Seeds.Kwic("pipeline").Rows.Count, Seeds.Kwic("pipe*").Rows.Count - Seeds.Kwic("pipes").Rows.Count);
    }

    [Fact]
    public void Kwic_of_an_entity_finds_it_under_all_its_names()
    {
        var frame = Seeds.Kwic("ISIS");
        var matches = frame["Match"].Cast<string>().ToHashSet();
        foreach (var form in new[] { "IS", "ISIS", "ISIL", "Islamic State", "Daesh" }) Assert.Contains(form, matches);
        Assert.Equal(Seeds.Mentions.Count(m => m.Entity == "Islamic State"), frame.Rows.Count);

        var us = Seeds.Kwic("United States")["Match"].Cast<string>().ToHashSet();
        Assert.Contains("Washington", us);
        Assert.Contains("U.S.", us);
    }

    [Fact]
    public void Kwic_text_mode_looks_for_the_word_only()
    {
        var text = Seeds.Kwic("Moscow", mode: KwicMode.Text);
        var entity = Seeds.Kwic("Moscow");
        Assert.True(text.Rows.Count > entity.Rows.Count);   // the text mode also finds "Moscow" used as Russia
        Assert.Throws<ArgumentException>(() => Seeds.Kwic("pipeline", mode: KwicMode.Entity));
    }
}
