using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace NewsAnalysis;

/// <summary>What kind of thing an entity is.</summary>
public enum EntityType
{
    /// <summary>A state (United States, Russia).</summary>
    Country,
    /// <summary>A person (Sergey Lavrov).</summary>
    Person,
    /// <summary>An institution, agency or company (NATO, United Nations, Reuters).</summary>
    Organisation,
    /// <summary>A city, region or building (Moscow, Kashmir, White House).</summary>
    Place,
    /// <summary>An armed or political group (Taliban, Islamic State).</summary>
    Group,
}

/// <summary>One row of the gazetteer: an entity and the forms that name it.</summary>
/// <param name="Name">The canonical name, unique in the gazetteer (e.g. <c>United States</c>).</param>
/// <param name="Type">What kind of entity it is.</param>
/// <param name="Aliases">Forms that always name the entity (<c>US</c>, <c>U.S.</c>, <c>United States</c>).</param>
/// <param name="ShortForms">Forms that name it only in an article that also uses an alias (<c>Asif</c>, <c>IS</c>).</param>
/// <param name="Metonyms">Place names that stand for it when used as an actor (<c>Washington</c> for the United States).</param>
/// <param name="Demonyms">Adjectives (<c>Russian</c>), counted only when <see cref="EntityOptions.Demonyms"/> is on.</param>
public sealed record GazetteerEntry(
    string Name,
    EntityType Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> ShortForms,
    IReadOnlyList<string> Metonyms,
    IReadOnlyList<string> Demonyms)
{
    /// <summary>The type as written in the gazetteer and the mention frames (<c>country</c>, <c>person</c>, ...).</summary>
    public string TypeName => Gazetteer.TypeName(Type);
}

/// <summary>
/// The list of known entities with their aliases, read from an editable CSV
/// (<c>data/gazetteer/entities.csv</c>: <c>Entity,Type,Aliases,ShortForms,Metonyms,Demonyms</c>, lists separated by <c>;</c>,
/// lines starting with <c>#</c> are comments).
/// </summary>
public sealed class Gazetteer
{
    /// <summary>The gazetteer file, relative to the repository root.</summary>
    public const string DefaultRelativePath = "data/gazetteer/entities.csv";

    private readonly Dictionary<string, GazetteerEntry> byName;

    /// <summary>Builds a gazetteer from entries, checking that names are unique and every form names one entity.</summary>
    /// <param name="entries">The entries, in the order they are listed.</param>
    /// <param name="source">Where they came from, for error messages.</param>
    /// <exception cref="FormatException">When two entries share a name or an alias, or a metonym is not a place alias.</exception>
    public Gazetteer(IEnumerable<GazetteerEntry> entries, string source = "(in memory)")
    {
        ArgumentNullException.ThrowIfNull(entries);
        Source = source;
        Entries = entries.ToList();
        byName = new(StringComparer.Ordinal);
        var aliasOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in Entries)
        {
            if (!byName.TryAdd(e.Name, e))
                throw new FormatException($"{source}: the entity '{e.Name}' is listed twice.");
            foreach (var form in e.Aliases.Concat(e.ShortForms).Concat(e.Metonyms).Concat(e.Demonyms))
                CheckForm(form, e.Name, source);
            foreach (var alias in e.Aliases)
                if (!aliasOwner.TryAdd(alias, e.Name) && aliasOwner[alias] != e.Name)
                    throw new FormatException($"{source}: the alias '{alias}' names both '{aliasOwner[alias]}' and '{e.Name}'; keep it on one row (use ShortForms for a form shared by several people).");
        }
        foreach (var e in Entries)
            foreach (var m in e.Metonyms)
                if (!aliasOwner.TryGetValue(m, out var owner) || byName[owner].Type != EntityType.Place)
                    throw new FormatException($"{source}: the metonym '{m}' of '{e.Name}' must also be an alias of a place row (e.g. a row '{m},place,{m},,,').");
    }

    /// <summary>Where the gazetteer was read from (a file path, or <c>(in memory)</c>).</summary>
    public string Source { get; }

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>The entry with this canonical name, or null.</summary>
    public GazetteerEntry? this[string name] => byName.GetValueOrDefault(name);

    /// <summary>
    /// The entry that <paramref name="term"/> names: its canonical name (any case), or one of its aliases, short forms,
    /// metonyms or demonyms (exact case first, then any case). Null when none does.
    /// </summary>
    public GazetteerEntry? Find(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        term = term.Trim();
        if (byName.TryGetValue(term, out var exact)) return exact;
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            foreach (var e in Entries)
                if (string.Equals(e.Name, term, comparison) || e.Aliases.Any(a => string.Equals(a, term, comparison)))
                    return e;
        }
        return null;
    }

    /// <summary>A copy with <paramref name="more"/> entries appended (e.g. to extend the gazetteer for one analysis).</summary>
    public Gazetteer With(IEnumerable<GazetteerEntry> more) => new(Entries.Concat(more), Source);

    /// <summary>Reads a gazetteer CSV file.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="FormatException">When a row is malformed (the message names the file and line).</exception>
    public static Gazetteer Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"Gazetteer not found: '{path}' (resolved to '{full}').", full);
        using var reader = new StreamReader(full);
        return Parse(reader, path);
    }

    /// <summary>
    /// The project's gazetteer (<see cref="DefaultRelativePath"/>), found by walking up from the working directory and
    /// from the library's folder. Loaded once and cached.
    /// </summary>
    /// <exception cref="FileNotFoundException">When no enclosing folder holds the file.</exception>
    public static Gazetteer Default => defaultGazetteer.Value;

    private static readonly Lazy<Gazetteer> defaultGazetteer = new(() => Load(FindDefaultPath()));

    /// <summary>The path of the project's gazetteer file (see <see cref="Default"/>).</summary>
    public static string FindDefaultPath()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
                if (File.Exists(candidate)) return candidate;
            }
        throw new FileNotFoundException($"No '{DefaultRelativePath}' found above '{Environment.CurrentDirectory}' or '{AppContext.BaseDirectory}'; pass a gazetteer path.");
    }

    /// <summary>Parses gazetteer CSV text; <paramref name="source"/> names it in error messages.</summary>
    public static Gazetteer Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true, Comment = '#', IgnoreBlankLines = true };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            throw new FormatException($"{source}: empty gazetteer (expected a header 'Entity,Type,Aliases,ShortForms,Metonyms,Demonyms').");
        foreach (var required in new[] { "Entity", "Type", "Aliases" })
            if (!csv.HeaderRecord.Contains(required, StringComparer.Ordinal))
                throw new FormatException($"{source}: missing column '{required}' (header is '{string.Join(',', csv.HeaderRecord)}').");
        bool Has(string column) => csv.HeaderRecord!.Contains(column, StringComparer.Ordinal);
        var entries = new List<GazetteerEntry>();
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            var name = (csv.GetField("Entity") ?? "").Trim();
            if (name.Length == 0) throw new FormatException($"{source} line {line}: empty Entity.");
            var typeText = (csv.GetField("Type") ?? "").Trim();
            if (!TryParseType(typeText, out var type))
                throw new FormatException($"{source} line {line}: unknown Type '{typeText}' for '{name}' (use country, person, organisation, place or group).");
            var aliases = List(csv.GetField("Aliases"));
            if (!aliases.Contains(name, StringComparer.Ordinal)) aliases.Insert(0, name);
            entries.Add(new GazetteerEntry(name, type, aliases,
                Has("ShortForms") ? List(csv.GetField("ShortForms")) : [],
                Has("Metonyms") ? List(csv.GetField("Metonyms")) : [],
                Has("Demonyms") ? List(csv.GetField("Demonyms")) : []));
        }
        return new Gazetteer(entries, source);
    }

    /// <summary>The lower-case name of a type (<c>country</c>, <c>person</c>, <c>organisation</c>, <c>place</c>, <c>group</c>).</summary>
    public static string TypeName(EntityType type) => type.ToString().ToLowerInvariant();

    private static bool TryParseType(string text, out EntityType type)
    {
        if (text.Equals("organization", StringComparison.OrdinalIgnoreCase)) { type = EntityType.Organisation; return true; }
        return Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type) && !int.TryParse(text, out _);
    }

    private static List<string> List(string? cell) =>
        (cell ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    private static void CheckForm(string form, string entity, string source)
    {
        if (form.Length == 0 || !char.IsLetterOrDigit(form[0]) || !(char.IsLetterOrDigit(form[^1]) || form[^1] == '.'))
            throw new FormatException($"{source}: the form '{form}' of '{entity}' must start with a letter or digit and end with one or a full stop.");
    }
}
