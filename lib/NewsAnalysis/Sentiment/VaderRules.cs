using System.Collections.Frozen;

namespace NewsAnalysis;

/// <summary>
/// The constants and word lists of VADER as published by Hutto &amp; Gilbert (2014) in the Python reference
/// <c>vaderSentiment/vaderSentiment.py</c> (release 3.3.2): booster and dampener words, negations and special-case idioms.
/// </summary>
/// <remarks>
/// The lists are those of the Python reference, which the npm port (<c>vader-sentiment</c> 1.1.3) predates: it lacks
/// e.g. the boosters "major", "total", "extreme" and the special cases "badass", "bus stop", "broken heart".
/// See docs/sentiment.md and the parity tests for every place the two differ.
/// </remarks>
public static class VaderRules
{
    /// <summary>Mean sentiment intensity increase for a booster word (B_INCR).</summary>
    public const double BoosterIncrement = 0.293;

    /// <summary>Mean sentiment intensity decrease for a dampener word (B_DECR).</summary>
    public const double BoosterDecrement = -0.293;

    /// <summary>Mean sentiment intensity increase for a word in ALL CAPS among mixed-case words (C_INCR).</summary>
    public const double CapsIncrement = 0.733;

    /// <summary>The factor a negation applies to the valence of a following word (N_SCALAR).</summary>
    public const double NegationScalar = -0.74;

    /// <summary>The normalisation constant of the compound score: compound = x / sqrt(x² + alpha).</summary>
    public const double NormalizationAlpha = 15;

    /// <summary>Lower-case negation words (NEGATE); any word containing "n't" negates too.</summary>
    public static FrozenSet<string> Negations { get; } = FrozenSet.Create(StringComparer.Ordinal,
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    /// <summary>Booster (positive) and dampener (negative) degree adverbs and their increments (BOOSTER_DICT); keys are lower case, some are two words.</summary>
    public static FrozenDictionary<string, double> Boosters { get; } = BuildBoosters();

    /// <summary>Special-case idioms containing lexicon words and the valence that replaces the word's (SPECIAL_CASES).</summary>
    public static FrozenDictionary<string, double> SpecialCases { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["the shit"] = 3, ["the bomb"] = 3, ["bad ass"] = 1.5, ["badass"] = 1.5, ["bus stop"] = 0.0,
        ["yeah right"] = -2, ["kiss of death"] = -1.5, ["to die for"] = 3,
        ["beating heart"] = 3.1, ["broken heart"] = -2.9,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static FrozenDictionary<string, double> BuildBoosters()
    {
        string[] increments =
        [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally",
            "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
            "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
            "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely",
            "major", "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably",
            "so", "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously",
            "uber", "unbelievably", "unusually", "utter", "utterly", "very",
        ];
        string[] decrements =
        [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
            "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
            "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ];
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var w in increments) d[w] = BoosterIncrement;
        foreach (var w in decrements) d[w] = BoosterDecrement;
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
