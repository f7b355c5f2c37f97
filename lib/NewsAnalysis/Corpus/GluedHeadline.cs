namespace NewsAnalysis;

/// <summary>
/// Guesses the headline of a text whose headline was run into its first sentence when line breaks were lost
/// ("Sella wants Michalak recall Former France centre Philippe Sella believes ..."). Each boundary between word
/// k-1 and a capitalised word k (k = 2..12) is scored: k opens leads often (rules' leadOpeners), the word before it
/// is lower case (a headline's last word rarely is a name), the headline's words recur in the lead, shorter is
/// likelier. Hand-written: no package on the mirror does this. A guess, marked as such (TitleBasis glued-headline).
/// </summary>
internal static class GluedHeadline
{
    private const string Quotes = "'\"";
    private const string QuotesAndStops = "'\",.\u2019";

    public static string? Guess(string text, TitleRules rules)
    {
        if (text.Contains('\n') || WordCounter.Count(text) < rules.GluedHeadlineMinWords) return null;
        var words = text.Split(' ', 54, StringSplitOptions.None);   // the first 53 words (and the rest, unused)
        var openers = rules.LeadOpenerSet;
        double bestScore = double.MinValue;
        int bestK = -1;
        int scanned = Math.Min(words.Length - 1, 53);
        for (int k = 2; k < Math.Min(scanned, 13); k++)
        {
            string a = words[k - 1], b = words[k];
            if (a.Length == 0 || b.Length == 0 || !char.IsUpper(b[0])) continue;
            if (a[^1] is '.' or ':' or ',' or ';') continue;
            double score = 0;
            if (openers.Contains(b)) score += 3;
            if (char.IsLower(a[0]) || char.IsDigit(a[0]) || a[^1] is '\'' or '"' or ')') score += 2;
            if (char.IsUpper(a[0])) score -= 1;
            int repeated = 0;
            for (int h = 0; h < k; h++)
            {
                var w = words[h].AsSpan().Trim(Quotes);
                if (w.Length <= 3) continue;
                for (int r = k; r < Math.Min(scanned, k + 40); r++)
                    if (words[r].AsSpan().Trim(QuotesAndStops).Equals(w, StringComparison.OrdinalIgnoreCase)) { repeated++; break; }
            }
            score += Math.Min(repeated, 3) * 0.5 - k * 0.15;
            if (score > bestScore) { bestScore = score; bestK = k; }
        }
        return bestK < 0 ? null : string.Join(' ', words.Take(bestK));
    }
}
