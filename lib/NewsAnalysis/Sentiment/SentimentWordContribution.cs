namespace NewsAnalysis;

/// <summary>Which of VADER's rules changed a word's valence (flags; several may apply).</summary>
[Flags]
public enum SentimentRules
{
    /// <summary>No rule: the lexicon valence as is.</summary>
    None = 0,
    /// <summary>A preceding booster or dampener ("very", "kind of", "major") within three words scaled it.</summary>
    Boosted = 1,
    /// <summary>A negation within three words ("not", "never", "without", any "n't") flipped and damped it (× -0.74).</summary>
    Negated = 2,
    /// <summary>The word is in ALL CAPS while other words are not (± 0.733).</summary>
    AllCaps = 4,
    /// <summary>"never so …" / "never this …" / "so …" intensified it (× 1.25).</summary>
    NeverSo = 8,
    /// <summary>"no" before it negated it, or "no" itself was neutralised because a lexicon word follows.</summary>
    No = 16,
    /// <summary>"least" before it (not "at least" / "very least") negated it.</summary>
    Least = 32,
    /// <summary>A special-case idiom ("bad ass", "kiss of death", "bus stop") set its valence.</summary>
    Idiom = 64,
    /// <summary>It stands before "but": halved.</summary>
    BeforeBut = 128,
    /// <summary>It stands after "but": × 1.5.</summary>
    AfterBut = 256,
}

/// <summary>One word's part in a VADER score: why a sentence scores as it does.</summary>
/// <param name="Position">Index of the word among VADER's tokens (whitespace-split, punctuation stripped).</param>
/// <param name="Word">The token as it appears in the text.</param>
/// <param name="LexiconValence">The word's valence in the lexicon, or null when it is not a lexicon word (a booster or negation moves others, not itself).</param>
/// <param name="Valence">The word's valence after every rule (the amount it adds to the sum behind the compound).</param>
/// <param name="CompoundEffect">How much the compound score moves because of this word: compound minus the compound with this word's valence taken out.</param>
/// <param name="Rules">Which rules changed the lexicon valence.</param>
public sealed record SentimentWordContribution(int Position, string Word, double? LexiconValence, double Valence, double CompoundEffect, SentimentRules Rules);

/// <summary>A text's VADER score with the words that moved it.</summary>
/// <param name="Text">The scored text.</param>
/// <param name="Score">Its score.</param>
/// <param name="Words">Every token with a nonzero valence, in text order.</param>
public sealed record SentimentExplanation(string Text, SentimentScore Score, IReadOnlyList<SentimentWordContribution> Words);
