namespace NewsAnalysis.Tests;

public class EntitiesGazetteerTests
{
    private static Gazetteer Parse(string csv) => Gazetteer.Parse(new StringReader(csv), "test.csv");

    [Fact]
    public void The_project_gazetteer_covers_the_seed_entities()
    {
        var g = EntitiesTestData.Gazetteer;
        foreach (var name in new[] { "United States", "Russia", "Pakistan", "India", "Afghanistan", "China", "Iran", "Taliban", "Islamic State",
                     "Haqqani Network", "al-Qaeda", "Jaish-e-Mohammad", "NATO", "United Nations", "Khawaja Muhammad Asif", "Sergey Lavrov",
                     "Shah Mehmood Qureshi", "Qamar Javed Bajwa", "Donald Trump", "Joe Biden", "Imran Khan", "Asif Ghafoor" })
            Assert.NotNull(g[name]);
        Assert.Equal("United States", g.Find("U.S.")?.Name);
        Assert.Equal("Islamic State", g.Find("daesh")?.Name);
        Assert.Null(g.Find("Atlantis"));
    }

    [Fact]
    public void An_unknown_type_is_an_error_naming_the_file_line_and_value()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("Entity,Type,Aliases\nRussia,country,Russia\nMars,planet,Mars\n"));
        Assert.Contains("test.csv line 3", ex.Message);
        Assert.Contains("planet", ex.Message);
    }

    [Fact]
    public void An_alias_naming_two_entities_is_an_error()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("Entity,Type,Aliases\nUnited States,country,US\nUnited Nations,organisation,US\n"));
        Assert.Contains("'US'", ex.Message);
    }

    [Fact]
    public void A_metonym_needs_a_place_row()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("Entity,Type,Aliases,ShortForms,Metonyms\nRussia,country,Russia,,Moscow\n"));
        Assert.Contains("Moscow", ex.Message);
        Assert.NotNull(Parse("Entity,Type,Aliases,ShortForms,Metonyms\nRussia,country,Russia,,Moscow\nMoscow,place,Moscow,,\n")["Russia"]);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => Gazetteer.Load("no/such/gazetteer.csv"));
        Assert.Contains("no/such/gazetteer.csv", ex.Message);
    }
}
