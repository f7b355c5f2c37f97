using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsAnalysis;

/// <summary>
/// Reads rules YAML (the shape of <c>data/corpus/corpus-rules.yaml</c>) into <see cref="CorpusRules"/> over YamlDotNet's
/// node model.
/// </summary>
/// <remarks>
/// Written by hand rather than through YamlDotNet's reflection deserializer: that learnt the rules' types in every
/// process, ~0.1 s of CPU before the first article could be cleaned (and on the path of every short CLI run, which
/// waits for the rules before it can check its corpus cache). YamlDotNet's static generator would do it without
/// reflection, but adds public types to this library and names its classes with random GUIDs (no reproducible build).
/// The rules read are those the deserializer gave (tested on the shipped file and on edge cases); an unknown key, or
/// a value of the wrong shape, is an error naming the key and where it is, as the deserializer's were.
/// </remarks>
internal static class CorpusRulesYaml
{
    /// <summary>The rules <paramref name="yaml"/> sets (the defaults of <see cref="CorpusRules"/> for what it leaves out).</summary>
    /// <exception cref="YamlException">Not YAML, a key that is not a rule, or a value of the wrong shape.</exception>
    public static CorpusRules Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode)) return new CorpusRules();
        return Mapping<CorpusRules>(stream.Documents[0].RootNode, static (rules, key, value) =>
        {
            switch (key)
            {
                case "chromeLines": rules.ChromeLines = Strings(value); break;
                case "chromeRuns": rules.ChromeRuns = List(value, Strings); break;
                case "placeholders": rules.Placeholders = Strings(value); break;
                case "gluedPlaceholderWords": rules.GluedPlaceholderWords = Strings(value); break;
                case "functionWords": rules.FunctionWords = Strings(value); break;
                case "captionPatterns": rules.CaptionPatterns = Strings(value); break;
                case "undatedCaptionPatterns": rules.UndatedCaptionPatterns = Strings(value); break;
                case "title": rules.Title = Title(value); break;
                case "datelinePattern": rules.DatelinePattern = Text(value); break;
                case "statedPatterns": rules.StatedPatterns = Strings(value); break;
                case "outlets": rules.Outlets = Strings(value); break;
                case "outletPatterns": rules.OutletPatterns = Strings(value); break;
                case "siteTemplates": rules.SiteTemplates = List(value, SiteTemplate); break;
                case "dateFormats": rules.DateFormats = Strings(value); break;
                case "events": rules.Events = List(value, Event); break;
                default: return false;
            }
            return true;
        });
    }

    private static TitleRules Title(YamlNode node) => Mapping<TitleRules>(node, static (title, key, value) =>
    {
        switch (key)
        {
            case "maxWords": title.MaxWords = Int(value); break;
            case "maxChars": title.MaxChars = Int(value); break;
            case "leadWords": title.LeadWords = Int(value); break;
            case "leadOpeners": title.LeadOpeners = Strings(value); break;
            case "gluedHeadlineMinWords": title.GluedHeadlineMinWords = Int(value); break;
            default: return false;
        }
        return true;
    });

    private static SiteTemplateRule SiteTemplate(YamlNode node) => Mapping<SiteTemplateRule>(node, static (site, key, value) =>
    {
        switch (key)
        {
            case "source": site.Source = Text(value); break;
            case "markers": site.Markers = Strings(value); break;
            default: return false;
        }
        return true;
    });

    private static DatedEventRule Event(YamlNode node) => Mapping<DatedEventRule>(node, static (dated, key, value) =>
    {
        switch (key)
        {
            case "phrase": dated.Phrase = Text(value); break;
            case "date": dated.Date = Date(value); break;
            case "what": dated.What = Text(value); break;
            default: return false;
        }
        return true;
    });

    // A mapping read into a new T (its defaults for the keys left out): each key a plain string, given with its value
    // to set, which says whether the key is one of T's; any other key is an error naming it and where it is.
    private static T Mapping<T>(YamlNode node, Func<T, string, YamlNode, bool> set) where T : new()
    {
        string type = typeof(T).Name;
        if (node is not YamlMappingNode mapping) throw Wrong(node, $"a mapping of {type}'s rules");
        var result = new T();
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : throw Wrong(key, $"a key of {type}");
            if (!set(result, name, value)) throw Unknown(value, name, type);
        }
        return result;
    }

    // A list (a plain empty or null value is refused, as a list the deserializer left null failed later).
    private static List<T> List<T>(YamlNode node, Func<YamlNode, T> item) =>
        node is YamlSequenceNode sequence ? sequence.Children.Select(item).ToList() : throw Wrong(node, "a list");

    private static List<string> Strings(YamlNode node) => List(node, Text);

    // A string; a plain empty, ~ or null scalar (which the deserializer made a null that cleaning then failed on) is refused.
    private static string Text(YamlNode node) => node is YamlScalarNode { Value: { } text } && !IsNull(node) ? text : throw Wrong(node, "a string");

    private static int Int(YamlNode node) =>
        int.TryParse(Text(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : throw Wrong(node, "a whole number");

    // As the deserializer read a date: the invariant culture's parse, unspecified kind for a date without a zone.
    private static DateTime Date(YamlNode node) =>
        DateTime.TryParse(Text(node), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw Wrong(node, "a date");

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Value: null or "" or "~" or "null" or "Null" or "NULL", Style: ScalarStyle.Plain };

    private static YamlException Unknown(YamlNode value, string key, string type) =>
        new(value.Start, value.End, $"Property '{key}' not found on type 'NewsAnalysis.{type}'.");

    private static YamlException Wrong(YamlNode node, string expected) =>
        new(node.Start, node.End, $"Expected {expected} here, found {Describe(node)}.");

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode when IsNull(node) => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };
}
