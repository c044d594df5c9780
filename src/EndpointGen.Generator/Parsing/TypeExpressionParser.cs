using System;
using System.Collections.Generic;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Parsing;

/// <summary>
/// Parses type expressions: a primitive, <c>T[]</c>, <c>map&lt;T&gt;</c>, or a declared type name.
/// Iterative over the suffixes and bounded in nesting, so no expression can recurse deeply.
/// </summary>
internal static class TypeExpressionParser
{
    public const int MaxNesting = 16;

    private static readonly Dictionary<string, TypeRef> s_primitives = new(StringComparer.Ordinal)
    {
        ["string"] = new TypeRef(TypeKind.String),
        ["int32"] = new TypeRef(TypeKind.Int32),
        ["int64"] = new TypeRef(TypeKind.Int64),
        ["number"] = new TypeRef(TypeKind.Number),
        ["boolean"] = new TypeRef(TypeKind.Boolean),
        ["uuid"] = new TypeRef(TypeKind.Uuid),
        ["date-time"] = new TypeRef(TypeKind.DateTime),
        ["date"] = new TypeRef(TypeKind.Date),
        ["unix-time"] = new TypeRef(TypeKind.UnixTime),
        ["json"] = new TypeRef(TypeKind.Json),
        ["file"] = new TypeRef(TypeKind.File),
        ["bytes"] = new TypeRef(TypeKind.Bytes),
        ["stream"] = new TypeRef(TypeKind.Stream),
        ["text"] = new TypeRef(TypeKind.Text),
    };

    /// <summary>Resolves an expression, or returns <see langword="null"/> when it is malformed or names an unknown type.</summary>
    /// <param name="expression">The expression as written.</param>
    /// <param name="declared">The declared types by their written name.</param>
    public static TypeRef? Parse(string expression, IReadOnlyDictionary<string, TypeRef> declared) =>
        Parse(expression.Trim(), declared, 0);

    private static TypeRef? Parse(string text, IReadOnlyDictionary<string, TypeRef> declared, int depth)
    {
        if (depth > MaxNesting || text.Length == 0)
        {
            return null;
        }

        if (text.EndsWith("[]", StringComparison.Ordinal))
        {
            var element = Parse(text.Substring(0, text.Length - 2).TrimEnd(), declared, depth + 1);
            return element is null ? null : new TypeRef(TypeKind.Array, Element: element);
        }

        if (text.StartsWith("map<", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal))
        {
            var element = Parse(text.Substring(4, text.Length - 5).Trim(), declared, depth + 1);
            return element is null ? null : new TypeRef(TypeKind.Map, Element: element);
        }

        return s_primitives.TryGetValue(text, out var primitive) ? primitive
            : declared.TryGetValue(text, out var named) ? named
            : null;
    }
}
