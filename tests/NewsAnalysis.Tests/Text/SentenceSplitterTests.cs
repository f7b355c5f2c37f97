namespace NewsAnalysis.Tests;

public class SentenceSplitterTests
{
    private static string[] Split(string text) =>
        SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();

    [Theory]
    [InlineData("Mr. Asif met Gen. Bajwa. They talked.", 2)]
    [InlineData("National Security Adviser Lt-Gen (retd) Nasser Khan Janjua visited the country. Then he left.", 2)]
    [InlineData("Trump unveiled a new U.S. strategy for Afghanistan. Russia objected.", 2)]
    [InlineData("It will cost $2.5 billion and carry 12.4 billion cubic meters. Work starts soon.", 2)]
    [InlineData("J. R. R. Tolkien wrote it. Many read it.", 2)]
    [InlineData("“We are forming a commission,” Mr Lavrov said. He smiled.", 2)]
    [InlineData("He asked: “Is it over?” Nobody answered.", 2)]
    [InlineData("Lt. Gen. (retd.) Nasser Janjua arrived. He met Col. Gen. Oleg Salyukov.", 2)]
    [InlineData("George W. Bush met the U.S.-backed leaders at 10 a.m. on Monday. Talks followed.", 2)]
    [InlineData("The vote was held in the U.S. The result surprised many.", 2)]
    [InlineData("Shares in Time Warner Inc. rose 2.5% to $1.13bn. Analysts were pleased.", 2)]
    [InlineData("He lives at No. 10 Downing St. in London. He left.", 2)]
    [InlineData("\"Yes, obviously,\" he said, when asked. The drills will go ahead.", 2)]
    [InlineData("The talks ended… Russia looks toward balance of power.", 2)]
    [InlineData("Is it over? No! It is not.", 3)]
    [InlineData("Prices rose 5.5 per cent in Jan. 2005, said the U.K. Treasury.", 1)]
    [InlineData("The Afghan reconciliation (see p. 4) was discussed. Ministers agreed.", 2)]
    [InlineData("“Nothing is out. Anything and everything will be done,” Ghafoor said.", 2)]
    public void Splits_news_prose_into_the_expected_number_of_sentences(string text, int expected)
    {
        Assert.Equal(expected, Split(text).Length);
    }

    [Fact]
    public void Keeps_closing_quote_with_its_sentence()
    {
        var s = Split("“We share concerns.” The talks ended.");
        Assert.Equal("“We share concerns.”", s[0]);
        Assert.Equal("The talks ended.", s[1]);
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        const string text = "  First one.  Second one!\n\nThird?";
        foreach (var (start, length) in SentenceSplitter.Split(text))
        {
            var s = text.Substring(start, length);
            Assert.Equal(s.Trim(), s);
            Assert.NotEmpty(s);
        }
        Assert.Equal(3, SentenceSplitter.Split(text).Count);
    }

    [Fact]
    public void Seed_sentences_do_not_start_inside_titles_or_initials()
    {
        foreach (var a in TestData.Seeds.Articles)
            foreach (var s in a.Sentences)
            {
                Assert.False(s.Text.StartsWith("Nasser", StringComparison.Ordinal));   // "Lt-Gen (retd) Nasser Khan Janjua" stays whole
                Assert.DoesNotMatch(@"\b(Mr|Gen|Lt|Col|Dr)\.$", s.Text);
            }
    }
}
