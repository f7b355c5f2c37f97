using System.CommandLine;
using System.Globalization;

namespace NewsAnalysis.Cli;

/// <summary>
/// Range checks for numeric options: a value outside the range is a malformed command line (exit 1, usage shown), not a
/// runtime error or a crash deep inside (an int.MaxValue --width once asked for a 4 GB buffer).
/// </summary>
internal static class OptionBounds
{
    /// <summary>Accepts <paramref name="option"/>'s value only from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Within(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            // A token that is not a number at all is already a parse error (reading the value would throw).
            if (result.Tokens.Any(t => !int.TryParse(t.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))) return;
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
                result.AddError($"{option.Name} must be from {Text(min)} to {Text(max)}, not {Text(value)}.");
        });
        return option;
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
