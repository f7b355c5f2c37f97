using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NewsAnalysis.Notebooks;

/// <summary>
/// Papermill-style parameters: the values given on the command line become a C# cell inserted right after the cell
/// tagged <c>parameters</c> (or first when there is none), each typed like the variable that cell declares.
/// </summary>
public static class NotebookParameters
{
    /// <summary>The tag of the cell declaring the defaults.</summary>
    public const string Tag = "parameters";

    /// <summary>The tag of the inserted cell (papermill's name).</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>Parses <c>name=value</c>; a clear error names a malformed argument.</summary>
    public static KeyValuePair<string, string> Parse(string argument)
    {
        var eq = argument.IndexOf('=');
        if (eq <= 0) throw new ArgumentException($"Parameter '{argument}' must look like name=value.");
        var name = argument[..eq].Trim();
        if (!SyntaxFacts.IsValidIdentifier(name)) throw new ArgumentException($"Parameter name '{name}' is not a C# identifier.");
        return new(name, argument[(eq + 1)..]);
    }

    /// <summary>
    /// The C# types of the variables declared in a parameters cell, by name, as written: <c>string</c>, <c>int</c>,
    /// <c>long</c>, <c>double</c>, <c>decimal</c>, <c>bool</c>, their nullable forms (<c>int?</c>), or an enum type
    /// (<c>TopicUnit</c>, also from <c>var unit = TopicUnit.Paragraph;</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> DeclaredTypes(string source)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script));
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            foreach (var variable in declaration.Variables)
            {
                var type = declaration.Type is PredefinedTypeSyntax p ? p.Keyword.ValueText
                    : declaration.Type.IsVar ? LiteralType(variable.Initializer?.Value)
                    : declaration.Type is NullableTypeSyntax { ElementType: PredefinedTypeSyntax element } ? element.Keyword.ValueText + "?"
                    : declaration.Type.ToString();
                types[variable.Identifier.ValueText] = type ?? "?";
            }
        }
        return types;
    }

    /// <summary>
    /// The source of the injected cell: one typed declaration per parameter name, in order of first appearance, with
    /// its last value. A name the parameters cell does not declare gets a type inferred from its text and a
    /// <c>// warning:</c> comment (see <see cref="Warnings"/>).
    /// </summary>
    public static string InjectedSource(IReadOnlyList<KeyValuePair<string, string>> parameters, IReadOnlyDictionary<string, string> declared)
    {
        var lines = new List<string> { "// Injected parameters" };
        // A name given twice keeps its last value (e.g. -p dataDir=... after the --data default).
        var last = parameters.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => g.Last());
        foreach (var (name, value) in last)
        {
            var type = declared.TryGetValue(name, out var t) ? t : InferType(value);
            var warning = declared.ContainsKey(name) ? "" : " // warning: not declared in the parameters cell";
            lines.Add($"{type} {name} = {Literal(name, value, type)};{warning}");
        }
        return string.Join('\n', lines);
    }

    /// <summary>The notebook with the injected cell after the <c>parameters</c> cell; unchanged when there are no parameters.</summary>
    public static NotebookDocument Inject(NotebookDocument notebook, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (parameters.Count == 0) return notebook;
        var index = ParametersCell(notebook);
        var cell = NotebookCell.CSharp(InjectedSource(parameters, Declared(notebook, index)), InjectedTag);
        var cells = notebook.Cells.ToList();
        cells.Insert(index + 1, cell);
        return notebook with { Cells = cells };
    }

    /// <summary>
    /// As papermill warns: one line per parameter name the <c>parameters</c> cell does not declare (the value is
    /// still set, typed from its text, but the notebook probably does not read it), or one line when the notebook has
    /// no <c>parameters</c> cell.
    /// </summary>
    public static IReadOnlyList<string> Warnings(NotebookDocument notebook, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (parameters.Count == 0) return [];
        var index = ParametersCell(notebook);
        if (index < 0)
            return [$"{notebook.Name} has no cell tagged '{Tag}'; the parameters ({string.Join(", ", parameters.Select(p => p.Key).Distinct())}) are set in a cell inserted first."];
        var declared = Declared(notebook, index);
        return parameters.Select(p => p.Key).Distinct(StringComparer.Ordinal).Where(n => !declared.ContainsKey(n))
            .Select(n => $"Parameter '{n}' is not declared in the parameters cell of {notebook.Name} (declared: {string.Join(", ", declared.Keys)}); it is set but probably not used.")
            .ToList();
    }

    private static int ParametersCell(NotebookDocument notebook) => notebook.Cells.ToList().FindIndex(c => c.IsCSharp && c.Tags.Contains(Tag));

    private static IReadOnlyDictionary<string, string> Declared(NotebookDocument notebook, int index) =>
        index >= 0 ? DeclaredTypes(notebook.Cells[index].Source) : new Dictionary<string, string>();

    private static string InferType(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? "int"
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "double"
        : bool.TryParse(value, out _) ? "bool"
        : "string";

    private static string Literal(string name, string value, string type)
    {
        string Fail() => throw new ArgumentException($"Parameter '{name}': '{value}' is not a valid {type}.");
        return type switch
        {
            "string" => SymbolDisplay.FormatLiteral(value, quote: true),
            "int" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i.ToString(CultureInfo.InvariantCulture) : Fail(),
            "long" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) + "L" : Fail(),
            "double" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) + "d" : Fail(),
            "decimal" => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m.ToString(CultureInfo.InvariantCulture) + "m" : Fail(),
            "bool" => bool.TryParse(value, out var b) ? (b ? "true" : "false") : Fail(),
            // A nullable parameter (int? k = null;) takes the literal text "null", or a value of its underlying type.
            _ when type.Length > 1 && type.EndsWith('?') => value == "null" ? "null" : Literal(name, value, type[..^1]),
            _ when EnumType(type) is { } e => EnumLiteral(name, value, type, e),
            _ => throw new ArgumentException($"Parameter '{name}' is declared as '{type}'; only string, int, long, double, decimal, bool, their nullable forms (int?) and enums of the loaded libraries can be set."),
        };
    }

    // An enum value is given by its member name (any case); anything else is an error listing the allowed names.
    private static string EnumLiteral(string name, string value, string type, Type enumType)
    {
        var names = Enum.GetNames(enumType);
        var member = names.FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Parameter '{name}': '{value}' is not a {type}; use one of {string.Join(", ", names)}.");
        return $"{type}.{member}";
    }

    // The public enum of a loaded assembly (the library the notebooks reference is the runner's own copy) named as in
    // the declaration, by full or simple name; the first by full name when several match.
    private static Type? EnumType(string type) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic)
            .SelectMany(a =>
            {
                try
                {
                    return a.GetExportedTypes();
                }
                catch (Exception e) when (e is NotSupportedException or System.Reflection.ReflectionTypeLoadException or FileNotFoundException)
                {
                    return [];
                }
            })
            .Where(t => t.IsEnum && (t.FullName == type || t.Name == type))
            .OrderBy(t => t.FullName == type ? 0 : 1).ThenBy(t => t.FullName, StringComparer.Ordinal)
            .FirstOrDefault();

    private static string? LiteralType(ExpressionSyntax? initializer) => initializer switch
    {
        LiteralExpressionSyntax lit when lit.IsKind(SyntaxKind.StringLiteralExpression) => "string",
        LiteralExpressionSyntax lit when lit.IsKind(SyntaxKind.TrueLiteralExpression) || lit.IsKind(SyntaxKind.FalseLiteralExpression) => "bool",
        LiteralExpressionSyntax lit when lit.IsKind(SyntaxKind.NumericLiteralExpression) => lit.Token.Value switch
        {
            int => "int",
            long => "long",
            double => "double",
            decimal => "decimal",
            _ => null,
        },
        PrefixUnaryExpressionSyntax { OperatorToken.ValueText: "-" } neg => LiteralType(neg.Operand),
        InterpolatedStringExpressionSyntax => "string",
        // var unit = TopicUnit.Paragraph; an enum member (checked when a value is given).
        MemberAccessExpressionSyntax { Expression: NameSyntax enumName } => enumName.ToString(),
        _ => null,
    };
}
