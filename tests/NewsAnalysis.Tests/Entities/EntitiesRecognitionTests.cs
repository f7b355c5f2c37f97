namespace NewsAnalysis.Tests;

public class EntitiesRecognitionTests
{
    private static EntityAnalysis Seeds => EntitiesTestData.Seeds;

    private static HashSet<string> SurfacesOf(string entity) =>
        Seeds.Mentions.Where(m => m.Entity == entity).Select(m => m.Surface).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void United_States_aliases_resolve_to_one_entity()
    {
        var surfaces = SurfacesOf("United States");
        foreach (var form in new[] { "US", "U.S.", "United States", "Washington" }) Assert.Contains(form, surfaces);
        Assert.All(Seeds.Mentions.Where(m => m.Entity == "United States"), m => Assert.Equal("country", m.Type));
    }

    [Fact]
    public void Islamic_State_aliases_resolve_to_one_entity()
    {
        var surfaces = SurfacesOf("Islamic State");
        foreach (var form in new[] { "IS", "ISIS", "ISIL", "Islamic State", "Daesh" }) Assert.Contains(form, surfaces);
        // "(IS)" right after "Islamic State" and "Daesh [IS]" in 001.
        Assert.Equal("Islamic State", EntitiesTestData.MentionAt(Seeds, "001", "Islamic State (IS) group", "IS)")?.Entity);
        Assert.Equal("Islamic State", EntitiesTestData.MentionAt(Seeds, "001", "Daesh [IS]", "IS]")?.Entity);
    }

    [Fact]
    public void Lowercase_us_and_is_are_never_entities()
    {
        Assert.DoesNotContain(Seeds.Mentions, m => m.Surface is "us" or "is" or "Is" or "Us");
        var mentions = EntitiesTestData.Recognize("Let us see what the minister is planning. It is up to us, he said.");
        Assert.Empty(mentions);
    }

    [Fact]
    public void Upper_case_IS_needs_the_group_named_or_a_cue()
    {
        Assert.Empty(EntitiesTestData.Recognize("The IS department upgraded its servers on Monday."));
        Assert.Equal(["Islamic State"], EntitiesTestData.Recognize("Officials said IS fighters attacked a checkpoint.").Select(m => m.Entity));
        Assert.Equal(["Islamic State"], EntitiesTestData.Recognize("The attack was claimed by militants (IS) near the border.").Select(m => m.Entity));
    }

    [Fact]
    public void All_caps_forms_are_ignored_in_shouting_headlines()
    {
        Assert.Empty(EntitiesTestData.Recognize("GOOD NEWS FOR ALL OF US AT LAST"));
        Assert.Equal(["United States"], EntitiesTestData.Recognize("Good news for the US economy at last.").Select(m => m.Entity));
    }

    [Fact]
    public void Matching_respects_word_boundaries_and_case()
    {
        Assert.Empty(EntitiesTestData.Recognize("Indiana sells fine chinaware and turkey in Chinatown."));
        Assert.Equal("United States", EntitiesTestData.MentionAt(Seeds, "004", "Pakistan-US cooperation", "US")?.Entity);
        Assert.Equal("United States", EntitiesTestData.MentionAt(Seeds, "003", "U.S.-backed Kabul", "U.S.")?.Entity);
    }

    [Fact]
    public void Khawaja_Asif_short_forms_resolve_to_him_within_an_article()
    {
        var mr = EntitiesTestData.MentionsIn(Seeds, "001", "Mr Asif is on a four-day visit to Moscow");
        Assert.Contains(mr, m => m.Entity == "Khawaja Muhammad Asif" && m.Surface == "Asif");
        var bare = Seeds.Mentions.Where(m => m.ArticleId == TestData.Seed("000").Id && m.Surface == "Asif").ToList();
        Assert.NotEmpty(bare);   // "It's just the change of place," Asif said.
        Assert.All(bare, m => Assert.Equal("Khawaja Muhammad Asif", m.Entity));
        Assert.Equal("Khawaja Muhammad Asif", EntitiesTestData.MentionAt(Seeds, "000", "Muhammad Asif noted", "Muhammad Asif")?.Entity);
        Assert.Equal("Khawaja Muhammad Asif", EntitiesTestData.MentionAt(Seeds, "002", "Khawaja Asif visited", "Khawaja Asif")?.Entity);
    }

    [Fact]
    public void Major_General_Asif_Ghafoor_is_a_different_Asif()
    {
        var article = TestData.Seed("004");
        var inArticle = Seeds.Mentions.Where(m => m.ArticleId == article.Id).ToList();
        Assert.DoesNotContain(inArticle, m => m.Entity == "Khawaja Muhammad Asif");
        Assert.Equal("Asif Ghafoor", EntitiesTestData.MentionAt(Seeds, "004", "Major General Asif Ghafoor said", "Asif Ghafoor")?.Entity);
        Assert.All(inArticle.Where(m => m.Surface == "Ghafoor"), m => Assert.Equal("Asif Ghafoor", m.Entity));
        Assert.True(inArticle.Count(m => m.Entity == "Asif Ghafoor") >= 3);

        // A bare "Asif" where only Ghafoor is named in full is not Khawaja Asif.
        var mentions = EntitiesTestData.Recognize("Major General Asif Ghafoor briefed reporters. Asif said the army was ready.");
        Assert.DoesNotContain(mentions, m => m.Entity == "Khawaja Muhammad Asif");
        // Where both are named, "Mr Asif" is the foreign minister (the one whose short form it is).
        mentions = EntitiesTestData.Recognize("Khawaja Asif met Asif Ghafoor. Mr Asif said talks went well.");
        Assert.Equal("Khawaja Muhammad Asif", mentions.Single(m => m.Surface == "Asif").Entity);
    }

    [Fact]
    public void Other_people_resolve_from_title_and_surname()
    {
        Assert.Equal("Sergey Lavrov", EntitiesTestData.MentionAt(Seeds, "001", "Mr Lavrov said as he expressed", "Lavrov")?.Entity);
        Assert.Equal("Qamar Javed Bajwa", EntitiesTestData.MentionAt(Seeds, "002", "Gen Bajwa held talks", "Bajwa")?.Entity);
        Assert.Equal("Imran Khan", EntitiesTestData.MentionAt(Seeds, "003", "Khan reaffirmed", "Khan")?.Entity);
        Assert.Equal("Nasser Khan Janjua", EntitiesTestData.MentionAt(Seeds, "002", "Nasser Khan Janjua", "Nasser Khan Janjua")?.Entity);
        // A surname alone, with nobody of that name in the article, is not a mention.
        Assert.Empty(EntitiesTestData.Recognize("Lavrov is a common surname, said a teacher."));
    }

    [Fact]
    public void Washington_is_the_government_when_it_acts_and_a_place_when_visited()
    {
        Assert.Equal("United States", EntitiesTestData.MentionAt(Seeds, "003", "if Washington fails", "Washington")?.Entity);
        Assert.Equal("United States", EntitiesTestData.MentionAt(Seeds, "003", "talks with Washington", "Washington")?.Entity);
        Assert.Equal("United States", EntitiesTestData.MentionAt(Seeds, "004", "with Washington cutting", "Washington")?.Entity);
        var place = EntitiesTestData.Recognize("Lavrov arrived in Washington on Monday for a visit.");
        Assert.Equal([("Washington, D.C.", "place")], place.Select(m => (m.Entity, m.Type)));
        // Part of a longer name: not the government.
        Assert.DoesNotContain(EntitiesTestData.Recognize("They crossed the George Washington Bridge, Washington Post reported."), m => m.Entity == "United States");
    }

    [Fact]
    public void Moscow_is_Russia_when_it_acts_and_a_place_when_visited()
    {
        Assert.Equal(("Moscow", "place"), Pair(EntitiesTestData.MentionAt(Seeds, "001", "four-day visit to Moscow", "Moscow")));
        Assert.Equal(("Moscow", "place"), Pair(EntitiesTestData.MentionAt(Seeds, "001", "was made in Moscow", "Moscow")));
        Assert.Equal(("Moscow", "place"), Pair(EntitiesTestData.MentionAt(Seeds, "003", "March 18 Moscow meeting", "Moscow")));
        Assert.Equal(("Russia", "country"), Pair(EntitiesTestData.MentionAt(Seeds, "003", "Moscow maintains contacts", "Moscow")));
        Assert.Equal(("Russia", "country"), Pair(EntitiesTestData.MentionAt(Seeds, "003", "forced Moscow to withdraw", "Moscow")));
        Assert.Equal(("Russia", "country"), Pair(EntitiesTestData.MentionAt(Seeds, "001", "expressed Moscow", "Moscow")));
        Assert.Equal(("Pakistan", "country"), Pair(EntitiesTestData.MentionAt(Seeds, "003", "Islamabad traditionally also maintains", "Islamabad")));
        Assert.Equal(("Pakistan", "country"), Pair(EntitiesTestData.MentionAt(Seeds, "000", "Trump accused Islamabad", "Islamabad")));
    }

    [Fact]
    public void Metonymy_has_an_off_switch()
    {
        var off = EntitiesTestData.SeedsWithoutMetonymy;
        Assert.Equal(("Moscow", "place"), Pair(EntitiesTestData.MentionAt(off, "003", "Moscow maintains contacts", "Moscow")));
        Assert.Equal(("Washington, D.C.", "place"), Pair(EntitiesTestData.MentionAt(off, "003", "if Washington fails", "Washington")));
        Assert.DoesNotContain(off.Mentions, m => m.Basis == EntityMentionBasis.Metonym);
        Assert.Equal(Seeds.Mentions.Count, off.Mentions.Count);
    }

    [Fact]
    public void Short_forms_have_an_off_switch()
    {
        var text = "Foreign Minister Khawaja Asif met Sergey Lavrov. Mr Asif thanked Mr Lavrov.";
        Assert.Equal(4, EntitiesTestData.Recognize(text).Count);
        var off = EntitiesTestData.Recognize(text, new EntityOptions { ShortForms = false });
        Assert.Equal(["Khawaja Asif", "Sergey Lavrov"], off.Select(m => m.Surface));
    }

    [Fact]
    public void Demonyms_count_only_when_enabled()
    {
        Assert.Empty(EntitiesTestData.Recognize("Russian officials met Afghans in the city."));
        var on = EntitiesTestData.Recognize("Russian officials met Afghans in the city.", new EntityOptions { Demonyms = true });
        Assert.Equal(["Russia", "Afghanistan"], on.Select(m => m.Entity));
        // The longer alias wins over the demonym inside it.
        Assert.Equal(["Taliban"], EntitiesTestData.Recognize("The Afghan Taliban said so.", new EntityOptions { Demonyms = true }).Select(m => m.Entity));
    }

    [Fact]
    public void Offsets_index_the_cleaned_text_and_sentence_holds_the_mention()
    {
        foreach (var m in Seeds.Mentions)
        {
            var article = TestData.Seeds.Articles.Single(a => a.Id == m.ArticleId);
            Assert.Equal(m.Surface, article.Text.Substring(m.Start, m.Length));
            var s = article.Sentences[m.Sentence];
            Assert.InRange(m.Start, s.Start, s.End - 1);
        }
    }

    [Fact]
    public void Mention_frame_has_exactly_the_contract_columns()
    {
        var frame = Seeds.MentionFrame();
        Assert.Equal(["ArticleId", "Sentence", "Entity", "Type", "Surface", "Start", "Length"], frame.Columns.Select(c => c.Name));
        Assert.Equal(Seeds.Mentions.Count, frame.Rows.Count);
        Assert.Equal(Seeds.Mentions.Select(m => m.Start), frame.Columns["Start"].Cast<int>());
    }

    [Fact]
    public void Recognition_is_deterministic()
    {
        var again = EntityAnalysis.Run(TestData.Seeds, EntitiesTestData.Gazetteer);
        Assert.Equal(Seeds.Mentions, again.Mentions);
    }

    private static (string, string)? Pair(EntityMention? m) => m is null ? null : (m.Entity, m.Type);
}
