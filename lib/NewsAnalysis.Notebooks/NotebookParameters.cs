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

    /// <summary>The C# types of the variables declared in a parameters cell (string, int, long, double, decimal, bool), by name.</summary>
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
                    : declaration.Type.ToString();
                types[variable.Identifier.ValueText] = type ?? "?";
            }
        }
        return types;
    }

    /// <summary>The source of the injected cell: one typed declaration per parameter name, in order of first appearance, with its last value.</summary>
    public static string InjectedSource(IReadOnlyList<KeyValuePair<string, string>> parameters, IReadOnlyDictionary<string, string> declared)
    {
        var lines = new List<string> { "// Injected parameters" };
        // A name given twice keeps its last value (e.g. -p dataDir=... after the --data default).
        var last = parameters.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => g.Last());
        foreach (var (name, value) in last)
        {
            var type = declared.TryGetValue(name, out var t) ? t : InferType(value);
            lines.Add($"{type} {name} = {Literal(name, value, type)};");
        }
        return string.Join('\n', lines);
    }

    /// <summary>The notebook with the injected cell after the <c>parameters</c> cell; unchanged when there are no parameters.</summary>
    public static NotebookDocument Inject(NotebookDocument notebook, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (parameters.Count == 0) return notebook;
        var index = notebook.Cells.ToList().FindIndex(c => c.IsCSharp && c.Tags.Contains(Tag));
        var declared = index >= 0 ? DeclaredTypes(notebook.Cells[index].Source) : new Dictionary<string, string>();
        var cell = NotebookCell.CSharp(InjectedSource(parameters, declared), InjectedTag);
        var cells = notebook.Cells.ToList();
        cells.Insert(index + 1, cell);
        return notebook with { Cells = cells };
    }

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
            _ => throw new ArgumentException($"Parameter '{name}' is declared as '{type}'; only string, int, long, double, decimal and bool parameters can be set."),
        };
    }

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
        _ => null,
    };
}
