namespace NewsAnalysis.Tests;

public class EntitiesAnalysisTests
{
    private static EntityAnalysis Seeds => EntitiesTestData.Seeds;

    private static (int Sentences, int Articles) Pair(EntityAnalysis analysis, string a, string b)
    {
        var frame = analysis.PairFrame();
        for (long r = 0; r < frame.Rows.Count; r++)
            if ((string)frame["EntityA"][r] == a && (string)frame["EntityB"][r] == b)
                return ((int)frame["Sentences"][r], (int)frame["Articles"][r]);
        return (0, 0);
    }

    // Hand-counted by reading the seeds: sentences naming the United States (US, U.S., United States, Washington as
    // the government) and Russia (Russia, Moscow as the government):
    //   000 "On January 4, the US Department of State ... both banned in Russia"
    //   001 "Pakistan and Russia ... US-led Nato forces"
    //   002 "Russia was one of the first countries ... after U.S. president Donald Trump"
    //   003 "... U.S.-backed Afghan armed resistance ... that forced Moscow to withdraw"
    //   003 "Moscow maintains contacts ... against the U.S.-backed Kabul administration."
    // ("in Moscow, where senior diplomats from the United States" is Moscow the place.)
    [Fact]
    public void United_States_and_Russia_share_five_sentences_in_four_articles()
    {
        Assert.Equal((5, 4), Pair(Seeds, "Russia", "United States"));
        Assert.Equal(5, Seeds.Cooccurrence(30)["United States", "Russia"]);
        Assert.Equal(5, Seeds.SentencesWith("US", "Russia").Rows.Count);
    }

    [Fact]
    public void Without_metonymy_the_two_Moscow_sentences_drop_out()
    {
        Assert.Equal((3, 3), Pair(EntitiesTestData.SeedsWithoutMetonymy, "Russia", "United States"));
    }

    // Hand-counted: 000 "the US Department of State ... Afghan Taliban"; 003 "Moscow maintains contacts ... Taliban ...
    // U.S.-backed", "bringing the Taliban ... talks with Washington", the heading "US-Taliban deal", "reviewing the
    // U.S.-Taliban deal", "Biden said ... the U.S. ... the Taliban ... if Washington fails". 002's "Trump accused
    // Pakistan of ... the Afghan Taliban" names Trump, not the country.
    [Fact]
    public void Taliban_and_United_States_share_six_sentences_in_two_articles()
    {
        Assert.Equal((6, 2), Pair(Seeds, "Taliban", "United States"));
    }

    [Fact]
    public void Lavrov_and_Khawaja_Asif_appear_together_in_the_sentences_of_001_that_name_both()
    {
        foreach (var snippet in new[] { "joint press conference by Russian Foreign Minister", "The discussions between Mr Lavrov and Mr Asif",
                     "Mr Asif seconded Mr Lavrov", "Speaking about trade and economic ties" })
        {
            var entities = EntitiesTestData.MentionsIn(Seeds, "001", snippet).Select(m => m.Entity).ToHashSet();
            Assert.Contains("Sergey Lavrov", entities);
            Assert.Contains("Khawaja Muhammad Asif", entities);
        }
        Assert.True(Pair(Seeds, "Khawaja Muhammad Asif", "Sergey Lavrov").Sentences >= 4);
    }

    [Fact]
    public void Cooccurrence_matrix_is_symmetric_with_sentence_counts_on_the_diagonal()
    {
        var m = Seeds.Cooccurrence(12);
        Assert.Equal(12, m.Entities.Count);
        var summary = Seeds.SummaryFrame();
        for (int i = 0; i < m.Entities.Count; i++)
        {
            for (int j = 0; j < m.Entities.Count; j++) Assert.Equal(m.Counts[i][j], m.Counts[j][i]);
            for (long r = 0; r < summary.Rows.Count; r++)
                if ((string)summary["Entity"][r] == m.Entities[i]) Assert.Equal((int)summary["Sentences"][r], m.Counts[i][i]);
        }
        Assert.Equal(m.Entities.Count + 1, m.ToFrame().Columns.Count);
        Assert.All(Seeds.Cooccurrence(5, EntityType.Person).Types, t => Assert.Equal("person", t));
    }

    [Fact]
    public void Counts_add_up_to_the_mentions()
    {
        var counts = Seeds.CountFrame();
        Assert.Equal(Seeds.Mentions.Count, counts["Mentions"].Cast<int>().Sum());
        Assert.Equal(Seeds.Mentions.Count, Seeds.SummaryFrame()["Mentions"].Cast<int>().Sum());
        Assert.Equal(Seeds.Mentions.Count, Seeds.SourceFrame()["Mentions"].Cast<int>().Sum());
        Assert.Equal(["ArticleId", "Title", "Source", "Entity", "Type", "Mentions"], counts.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Sentences_with_an_unknown_entity_is_an_error_naming_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => Seeds.SentencesWith("Atlantis"));
        Assert.Contains("Atlantis", ex.Message);
    }

    [Fact]
    public void Discovery_lists_unknown_names_and_not_known_ones()
    {
        var frame = Seeds.Discover(1);
        var names = frame["Name"].Cast<string>().ToList();
        Assert.Contains("Tomb of Unknown Soldier", names);      // 002: "he laid a wreath at the Tomb of Unknown Soldier"
        Assert.Contains("Ground Forces", names);                // 002: "the Russian Federation's Ground Forces"
        var known = EntitiesTestData.Gazetteer.Entries.SelectMany(e => e.Aliases.Concat(e.ShortForms)).ToHashSet();
        Assert.DoesNotContain(names, known.Contains);
        Assert.DoesNotContain("The", names);
        Assert.DoesNotContain("Foreign Minister", names);

        // The workflow: paste the suggested row (type checked), and the name is no longer unknown.
        Assert.Equal("Ground Forces,organisation,Ground Forces,,,", EntityDiscovery.SuggestedRow("Ground Forces"));
        Assert.Equal("Tomb of Unknown Soldier,place,Tomb of Unknown Soldier,,,", EntityDiscovery.SuggestedRow("Tomb of Unknown Soldier"));
        Assert.Equal("Abdulaziz Kamilov,person,Abdulaziz Kamilov,,,", EntityDiscovery.SuggestedRow("Abdulaziz Kamilov"));
        var pasted = Gazetteer.Parse(new StringReader("Entity,Type,Aliases,ShortForms,Metonyms,Demonyms\n" + EntityDiscovery.SuggestedRow("Ground Forces") + "\n"), "pasted");
        Assert.Equal(EntityType.Organisation, pasted["Ground Forces"]?.Type);
        var extended = EntitiesTestData.Gazetteer.With([new GazetteerEntry("Tomb of the Unknown Soldier", EntityType.Place, ["Tomb of the Unknown Soldier", "Tomb of Unknown Soldier"], [], [], [])]);
        var after = EntityDiscovery.Unknown(TestData.Seeds, extended, 1)["Name"].Cast<string>().ToList();
        Assert.DoesNotContain("Tomb of Unknown Soldier", after);
        Assert.Contains(EntityAnalysis.Run(TestData.Seeds, extended).Mentions, m => m.Entity == "Tomb of the Unknown Soldier");
    }
}
