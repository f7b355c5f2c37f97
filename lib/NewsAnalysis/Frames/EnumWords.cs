namespace NewsAnalysis;

/// <summary>Enum values as the words the frames show, so every concern spells a value the same way.</summary>
internal static class EnumWords
{
    /// <summary>An enum value as a lower-case, hyphenated word ("MonthDay" → "month-day", "OutOfRange" → "out-of-range").</summary>
    public static string Hyphenated<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var chars = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) chars.Append('-');
            chars.Append(char.ToLowerInvariant(name[i]));
        }
        return chars.ToString();
    }
}
