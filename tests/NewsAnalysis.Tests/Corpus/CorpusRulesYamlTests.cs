using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NewsAnalysis.Tests;

/// <summary>
/// <see cref="CorpusRulesYaml"/> reads the rules YamlDotNet's reflection deserializer (what it replaced) read, compared
/// through the JSON the corpus cache keys the rules by: on the shipped file and on files that reach every rule's form.
/// </summary>
public class CorpusRulesYamlTests
{
    private static readonly IDeserializer Reflection = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    private static string Json(CorpusRules rules) => JsonSerializer.Serialize(rules, CorpusRulesJson.Default.CorpusRules);

    private static void SameAsReflection(string yaml)
    {
        var expected = Reflection.Deserialize<CorpusRules>(yaml) ?? new CorpusRules();
        Assert.Equal(Json(expected), Json(CorpusRulesYaml.Read(yaml)));
    }

    [Fact]
    public void The_shipped_rules_read_as_the_deserializer_read_them()
    {
        var yaml = File.ReadAllText(Path.Combine(TestData.Root, "data", "corpus", "corpus-rules.yaml"));
        SameAsReflection(yaml);
        var rules = CorpusRulesYaml.Read(yaml);
        // The file sets every rule, so the comparison covers each key's reading.
        Assert.NotEmpty(rules.ChromeLines);
        Assert.NotEmpty(rules.ChromeRuns);
        Assert.NotEmpty(rules.SiteTemplates[0].Markers);
        Assert.NotEmpty(rules.Events);
        Assert.NotEqual(new DateTime(), rules.Events[0].Date);
        Assert.NotEmpty(rules.Title.LeadOpeners);
        Assert.NotEmpty(rules.DatelinePattern);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("chromeLines: [Plan news]\nfunctionWords: [the, of]\n")]
    [InlineData("title:\n  maxWords: 7\n  leadOpeners:\n    - \"It's\"\n    - 'The'\n")]
    [InlineData("chromeRuns:\n  - [XS, SM]\n  - - a\n    - b\nchromeLines: []\n")]
    [InlineData("events:\n  - phrase: a b\n    date: 2019-02-06\n    what: x\n  - {phrase: c, date: '2020-01-31T10:00:00', what: y}\n")]
    [InlineData("datelinePattern: '^(?<place>[A-Z]+)'\ndateFormats: [yyyy-MM-dd, 'd MMMM yyyy']\n")]
    [InlineData("siteTemplates:\n  - source: VOA\n    markers: [XS]\n  - markers: []\n")]
    [InlineData("outlets: [Dawn]\noutletPatterns: ['by {outlet}']\nstatedPatterns: []\nplaceholders: ['<link>']\ngluedPlaceholderWords: [link]\ncaptionPatterns: ['^Photo']\nundatedCaptionPatterns: ['^FILE']\n")]
    [InlineData("chromeLines: |\n  not a list\n")]
    public void A_rules_file_reads_as_the_deserializer_read_it(string yaml)
    {
        if (yaml.StartsWith("chromeLines: |", StringComparison.Ordinal))
        {
            // A block scalar where a list belongs: both refuse it.
            Assert.ThrowsAny<YamlException>(() => Reflection.Deserialize<CorpusRules>(yaml));
            Assert.ThrowsAny<YamlException>(() => CorpusRulesYaml.Read(yaml));
            return;
        }
        SameAsReflection(yaml);
    }

    [Theory]
    [InlineData("chromeLine: [x]\n", "Property 'chromeLine' not found on type 'NewsAnalysis.CorpusRules'", 1)]
    [InlineData("title:\n  maxWord: 3\n", "Property 'maxWord' not found on type 'NewsAnalysis.TitleRules'", 2)]
    [InlineData("title:\n  maxWords: many\n", "Expected a whole number here, found 'many'", 2)]
    [InlineData("events:\n  - date: someday\n", "Expected a date here, found 'someday'", 2)]
    [InlineData("chromeLines:\n", "Expected a list here, found nothing", 1)]
    [InlineData("datelinePattern: ~\n", "Expected a string here, found nothing", 1)]
    [InlineData("- a\n- b\n", "Expected a mapping of CorpusRules's rules here, found a list", 1)]
    public void A_wrong_key_or_value_is_an_error_naming_it_and_its_line(string yaml, string message, int line)
    {
        var error = Assert.ThrowsAny<YamlException>(() => CorpusRulesYaml.Read(yaml));
        Assert.Contains(message, error.Message);
        Assert.Equal(line, error.Start.Line);
    }

    [Fact]
    public void A_rules_file_with_a_wrong_key_is_an_error_naming_the_file()
    {
        using var folder = new CorpusTempFolder();
        var file = folder.Write("my-rules.yaml", "chromeLines: [x]\nfunctionWord: [the]\n");
        var error = Assert.Throws<InvalidDataException>(() => CorpusRules.FromFile(file));
        Assert.Contains("my-rules.yaml", error.Message);
        Assert.Contains("functionWord", error.Message);
    }
}
