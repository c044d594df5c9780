using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace EndpointGen.Generator.Parsing;

/// <summary>
/// Turns documented names (snake_case, kebab-case, "Content-Type", "Channel::Api") into C# identifiers:
/// split on every character that is not a letter or digit, capitalize the first letter of each part, join.
/// </summary>
internal static class Naming
{
    /// <summary>The PascalCase form, or <see langword="null"/> when no valid identifier results.</summary>
    public static string? ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startOfPart = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfPart = true;
                continue;
            }

            builder.Append(startOfPart ? char.ToUpperInvariant(c) : c);
            startOfPart = false;
        }

        var result = builder.ToString();
        return IsValidIdentifier(result) ? result : null;
    }

    /// <summary>The camelCase form for an argument, escaped with '@' when it is a keyword.</summary>
    public static string ToCamelCase(string pascal)
    {
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(camel) != SyntaxKind.None
            ? "@" + camel
            : camel;
    }

    /// <summary>Whether a written name is usable as is, as a C# identifier (names given with <c>name:</c>).</summary>
    public static bool IsValidIdentifier(string name) =>
        name.Length > 0 && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>Whether a namespace is a dotted list of valid identifiers.</summary>
    public static bool IsValidNamespace(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var part in value.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }
}
