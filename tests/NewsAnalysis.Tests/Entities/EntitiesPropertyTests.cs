using CsCheck;

namespace NewsAnalysis.Tests;

public class EntitiesPropertyTests
{
    // Gazetteer forms, their lower-case look-alikes, context words of the metonymy rules, and punctuation.
    private static readonly string[] Tokens =
    [
        "US", "us", "U.S.", "IS", "is", "(IS)", "ISIS", "Daesh", "Moscow", "Moscow's", "Islamabad", "Washington", "in", "visit", "to",
        "said", "the", "Asif", "Mr", "Khawaja", "Asif", "Ghafoor", "Lavrov", "Sergey", "Russia", "Russian", "Afghan", "Taliban",
        "Khan", "Imran", "Nasser", "Janjua", "group", "and", ",", ".", "-", "'s", "China", "chinaware", "NATO", "GOOD", "NEWS",
    ];

    [Fact]
    public void Mentions_are_ordered_non_overlapping_whole_words_that_match_the_text()
    {
        var recognizer = new EntityRecognizer(EntitiesTestData.Gazetteer, new EntityOptions { Demonyms = true });
        var literal = new EntityRecognizer(EntitiesTestData.Gazetteer, new EntityOptions { Demonyms = true, Metonymy = false });
        Gen.Int[0, Tokens.Length - 1].Array[1, 40].Sample(picks =>
        {
            var text = string.Join(" ", picks.Select(p => Tokens[p]));
            var article = Corpus.FromRecords([new ArticleRecord("p", "memory", text) { Title = "T" }]).Articles[0];
            var mentions = recognizer.Recognize(article);
            int previousEnd = 0;
            foreach (var m in mentions)
            {
                Assert.True(m.Start >= previousEnd, $"overlap or disorder in '{article.Text}'");
                Assert.Equal(m.Surface, article.Text.Substring(m.Start, m.Length));
                Assert.True(m.Start == 0 || !char.IsLetterOrDigit(article.Text[m.Start - 1]));
                Assert.True(m.Start + m.Length == article.Text.Length || !char.IsLetterOrDigit(article.Text[m.Start + m.Length]));
                Assert.DoesNotContain(m.Surface, new[] { "us", "is", "chinaware" });
                Assert.NotNull(EntitiesTestData.Gazetteer[m.Entity]);
                previousEnd = m.Start + m.Length;
            }
            // Switching metonymy off changes what a capital stands for, never which spans are mentions.
            Assert.Equal(mentions.Select(m => (m.Start, m.Length)), literal.Recognize(article).Select(m => (m.Start, m.Length)));
        }, iter: 300);
    }
}
