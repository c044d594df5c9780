using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Sandbox;

/// <summary>JSON value types a field may be declared with.</summary>
internal enum JsonType
{
    String,
    Integer,
    Boolean,
    Object,
    Array,

    /// <summary>Free-form JSON (any value except null).</summary>
    Any,
}

/// <summary>One declared field of a request object.</summary>
internal sealed record Field(string Name, JsonType Type, bool Required = false)
{
    /// <summary>Shape of an <see cref="JsonType.Object"/> field.</summary>
    public Shape? Shape { get; init; }

    /// <summary>Element rule of an <see cref="JsonType.Array"/> field (its name is ignored).</summary>
    public Field? Items { get; init; }

    /// <summary>Allowed values of a string field (an enum), if restricted.</summary>
    public IReadOnlyList<string>? OneOf { get; init; }

    /// <summary>An integer field that also accepts a string of digits (LiveDesk documents ids as String).</summary>
    public bool AcceptNumericString { get; init; }

    /// <summary>Integers must be greater than zero (ids).</summary>
    public bool Positive { get; init; }

    /// <summary>An optional string that, when present, must not be blank (e.g. a status).</summary>
    public bool NotBlank { get; init; }
}

/// <summary>The declared fields of a request object; any other key is rejected.</summary>
internal sealed record Shape(params Field[] Fields);

/// <summary>What is wrong with a request body, phrased the way Rails-backed APIs phrase it.</summary>
internal enum ProblemKind
{
    Missing,
    Null,
    Unknown,
    WrongType,
    InvalidValue,
}

/// <summary>A validation failure at a dotted JSON path (e.g. <c>chat.menu_id</c>, <c>photo[0].s3_path</c>).</summary>
internal sealed record JsonProblem(ProblemKind Kind, string Path, string? Detail = null)
{
    public string Message => Kind switch
    {
        // The first message is the exact text the CCAI docs quote for a missing parameter.
        ProblemKind.Missing => $"param is missing or the value is empty: {Path}",
        ProblemKind.Null => $"param must not be null (omit optional params instead): {Path}",
        ProblemKind.Unknown => $"found unpermitted parameter: {Path}",
        ProblemKind.WrongType => $"param has the wrong type: {Path} ({Detail})",
        _ => $"param has an invalid value: {Path} ({Detail})",
    };
}

/// <summary>
/// Strict structural validation of request bodies against a <see cref="Shape"/>. Strict on purpose:
/// the APIs tell clients to ignore unknown RESPONSE keys, but a client that SENDS an unknown key, a
/// null or a wrongly typed value has a bug the tests should see, so the sandbox refuses all three.
/// Required strings and objects must also be non-empty (Rails' <c>params.require</c> treats blank as
/// missing).
/// </summary>
internal static class JsonRules
{
    /// <summary>Returns the first problem found, in document order, or null when the object conforms.</summary>
    public static JsonProblem? Validate(JsonElement element, Shape shape, string path = "")
    {
        var declared = shape.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!declared.TryGetValue(property.Name, out var field))
            {
                return new JsonProblem(ProblemKind.Unknown, Join(path, property.Name));
            }

            var problem = ValidateValue(property.Value, field, Join(path, property.Name));
            if (problem is not null)
            {
                return problem;
            }
        }

        foreach (var field in shape.Fields.Where(f => f.Required))
        {
            if (!element.TryGetProperty(field.Name, out _))
            {
                return new JsonProblem(ProblemKind.Missing, Join(path, field.Name));
            }
        }

        return null;
    }

    public static JsonProblem? ValidateValue(JsonElement value, Field field, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return field.Required ? new JsonProblem(ProblemKind.Missing, path) : new JsonProblem(ProblemKind.Null, path);
        }

        switch (field.Type)
        {
            case JsonType.String:
                if (value.ValueKind != JsonValueKind.String)
                {
                    return WrongType(path, "string", value);
                }

                var text = value.GetString()!;
                if (field.Required && string.IsNullOrWhiteSpace(text))
                {
                    return new JsonProblem(ProblemKind.Missing, path);
                }

                if (field.NotBlank && string.IsNullOrWhiteSpace(text))
                {
                    return new JsonProblem(ProblemKind.InvalidValue, path, "must not be blank");
                }

                if (field.OneOf is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
                {
                    return new JsonProblem(ProblemKind.InvalidValue, path, $"\"{text}\" is not one of: {string.Join(", ", allowed)}");
                }

                return null;

            case JsonType.Integer:
                if (value.ValueKind == JsonValueKind.String && field.AcceptNumericString)
                {
                    if (string.IsNullOrWhiteSpace(value.GetString()) && field.Required)
                    {
                        return new JsonProblem(ProblemKind.Missing, path);
                    }

                    if (!TryParseDigits(value.GetString()!, out var parsed))
                    {
                        return new JsonProblem(ProblemKind.WrongType, path, "expected an integer or a string of digits");
                    }

                    return CheckPositive(parsed, field, path);
                }

                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
                {
                    return WrongType(path, "integer", value);
                }

                return CheckPositive(number, field, path);

            case JsonType.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : WrongType(path, "boolean", value);

            case JsonType.Object:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return WrongType(path, "object", value);
                }

                if (field.Required && !value.EnumerateObject().Any())
                {
                    return new JsonProblem(ProblemKind.Missing, path);
                }

                return field.Shape is null ? null : Validate(value, field.Shape, path);

            case JsonType.Array:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    return WrongType(path, "array", value);
                }

                if (field.Required && value.GetArrayLength() == 0)
                {
                    return new JsonProblem(ProblemKind.Missing, path);
                }

                if (field.Items is { } items)
                {
                    var index = 0;
                    foreach (var element in value.EnumerateArray())
                    {
                        var problem = ValidateValue(element, items with { Required = true }, $"{path}[{index++}]");
                        if (problem is not null)
                        {
                            return problem;
                        }
                    }
                }

                return null;

            default:
                return null; // JsonType.Any: anything but null, which was handled above.
        }
    }

    /// <summary>Reads an integer field that passed validation (number or, where allowed, digits).</summary>
    public static long GetInteger(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture) : value.GetInt64();

    public static long? OptionalInteger(JsonElement obj, string name) => obj.TryGetProperty(name, out var v) ? GetInteger(v) : null;

    public static string? OptionalString(JsonElement obj, string name) => obj.TryGetProperty(name, out var v) ? v.GetString() : null;

    public static bool? OptionalBoolean(JsonElement obj, string name) => obj.TryGetProperty(name, out var v) ? v.GetBoolean() : null;

    /// <summary>A detached copy of an optional value, safe to keep after the document is disposed.</summary>
    public static JsonElement? OptionalClone(JsonElement obj, string name) => obj.TryGetProperty(name, out var v) ? v.Clone() : null;

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static JsonProblem? CheckPositive(long value, Field field, string path) =>
        field.Positive && value <= 0 ? new JsonProblem(ProblemKind.InvalidValue, path, "must be greater than 0") : null;

    private static bool TryParseDigits(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static JsonProblem WrongType(string path, string expected, JsonElement actual) =>
        new(ProblemKind.WrongType, path, actual.ValueKind == JsonValueKind.Number && expected == "integer"
            ? $"expected an integer, got {actual.GetRawText()}"
            : $"expected {Article(expected)}, got {Describe(actual.ValueKind)}");

    private static string Article(string type) => type is "integer" or "object" or "array" ? "an " + type : "a " + type;

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
