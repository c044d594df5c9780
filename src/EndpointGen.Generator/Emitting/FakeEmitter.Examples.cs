using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>
/// The default answer of an endpoint, built from the descriptor's examples: a JSON object with every field that has an
/// example (a required nullable field without one is <c>null</c>, a required list or map without one is empty, a
/// nested object is built the same way). When a required field has no example, there is no default answer.
/// </content>
internal static partial class FakeEmitter
{
    private const int MaxExampleDepth = 8;

    /// <summary>The JSON of the default answer, or <see langword="null"/> when the examples do not give every required field.</summary>
    public static string? DefaultAnswer(ServiceSpec service, TypeRef response)
    {
        var types = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
        foreach (var type in service.Types)
        {
            types[type.Name] = type;
        }

        var builder = new StringBuilder();
        var written = response.Kind switch
        {
            TypeKind.Object => AppendObject(builder, response.Name!, types, new HashSet<string>(StringComparer.Ordinal), 0),
            TypeKind.Array when response.Element!.Kind == TypeKind.Object => AppendList(builder, response.Element, types),
            _ => false,
        };
        return written ? builder.ToString() : null;
    }

    private static bool AppendList(StringBuilder builder, TypeRef element, Dictionary<string, TypeSpec> types)
    {
        builder.Append('[');
        if (!AppendObject(builder, element.Name!, types, new HashSet<string>(StringComparer.Ordinal), 1))
        {
            return false;
        }

        builder.Append(']');
        return true;
    }

    private static bool AppendObject(StringBuilder builder, string typeName, Dictionary<string, TypeSpec> types, HashSet<string> open, int depth)
    {
        if (depth > MaxExampleDepth || !types.TryGetValue(typeName, out var type) || type.IsEnum || type.HasFileField || !open.Add(typeName))
        {
            return false;
        }

        if (type.Union is { } union)
        {
            // A union's example is its first variant whose examples make one.
            foreach (var variant in union.Variants)
            {
                var attempt = new StringBuilder();
                if (AppendObject(attempt, variant.TypeName, types, open, depth + 1))
                {
                    builder.Append(attempt);
                    open.Remove(typeName);
                    return true;
                }
            }

            open.Remove(typeName);
            return false;
        }

        builder.Append('{');
        var first = true;
        if (type.VariantOf is { } of)
        {
            // A variant's JSON carries its discriminator first, as its converter writes it.
            AppendString(builder, of.Discriminator);
            builder.Append(':');
            if (of.IsBoolean)
            {
                builder.Append(of.Value == "true" ? "true" : "false");
            }
            else
            {
                AppendString(builder, of.Value);
            }

            first = false;
        }

        foreach (var field in type.Fields)
        {
            var value = new StringBuilder();
            if (!AppendField(value, field, types, open, depth + 1))
            {
                if (field.Required)
                {
                    open.Remove(typeName);
                    return false;
                }

                continue;
            }

            builder.Append(first ? string.Empty : ",");
            first = false;
            AppendString(builder, field.JsonName);
            builder.Append(':').Append(value);
        }

        builder.Append('}');
        open.Remove(typeName);
        return true;
    }

    private static bool AppendField(StringBuilder builder, FieldSpec field, Dictionary<string, TypeSpec> types, HashSet<string> open, int depth)
    {
        switch (field.Type.Kind)
        {
            case TypeKind.Object:
                var nested = new StringBuilder();
                if (AppendObject(nested, field.Type.Name!, types, open, depth) && (field.Required || nested.Length > 2))
                {
                    builder.Append(nested);
                    return true;
                }

                break;
            case TypeKind.Array when field.Example is { } list:
                if (field.Type.Element!.Kind is TypeKind.Object or TypeKind.Array or TypeKind.Map)
                {
                    break;
                }

                if (list.StartsWith("[", StringComparison.Ordinal) && list.EndsWith("]", StringComparison.Ordinal) && list.IndexOf('…') < 0)
                {
                    builder.Append(list);
                    return true;
                }

                builder.Append('[');
                if (!AppendScalar(builder, field.Type.Element, list))
                {
                    return false;
                }

                builder.Append(']');
                return true;
            case TypeKind.Array when field.Required:
                builder.Append("[]");
                return true;
            case TypeKind.Map when field.Example is { } map && map.StartsWith("{", StringComparison.Ordinal) && map.EndsWith("}", StringComparison.Ordinal) && map.IndexOf('…') < 0:
                builder.Append(map);
                return true;
            case TypeKind.Map when field.Required:
                builder.Append("{}");
                return true;
            case TypeKind.Array or TypeKind.Map:
                break;
            default:
                if (field.Example is { } example && AppendScalar(builder, field.Type, example))
                {
                    return true;
                }

                break;
        }

        if (field.Required && field.Nullable)
        {
            builder.Append("null");
            return true;
        }

        return false;
    }

    /// <summary>A scalar example as JSON, when it is a value of its type.</summary>
    private static bool AppendScalar(StringBuilder builder, TypeRef type, string example)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (type.Kind)
        {
            case TypeKind.String or TypeKind.Enum:
                AppendString(builder, example);
                return true;
            case TypeKind.Int32 when int.TryParse(example, NumberStyles.AllowLeadingSign, invariant, out _):
            case TypeKind.Int64 when long.TryParse(example, NumberStyles.AllowLeadingSign, invariant, out _):
            case TypeKind.Number or TypeKind.UnixTime when double.TryParse(example, NumberStyles.Float, invariant, out _) && example.IndexOfAny(new[] { 'e', 'E' }) < 0 && !example.StartsWith(".", StringComparison.Ordinal) && !example.StartsWith("+", StringComparison.Ordinal):
                builder.Append(example);
                return true;
            case TypeKind.Boolean when example is "true" or "false":
                builder.Append(example);
                return true;
            case TypeKind.Uuid when Guid.TryParse(example, out _):
            case TypeKind.DateTime when DateTimeOffset.TryParse(example, invariant, DateTimeStyles.None, out _) && example.IndexOf('T') > 0:
            case TypeKind.Date when DateTime.TryParseExact(example, "yyyy'-'MM'-'dd", invariant, DateTimeStyles.None, out _):
                AppendString(builder, example);
                return true;
            case TypeKind.Json:
                AppendString(builder, example);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A JSON string: quotes, backslashes and control characters escaped.</summary>
    private static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (c < ' ' || c == '\u007F' || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
