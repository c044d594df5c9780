using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// Derives broken and odd variants from a valid descriptor: deleted, duplicated and swapped lines, retyped and
/// swapped type expressions, truncation, random bytes, re-indentation, unicode and C# keywords as names, and
/// YAML-significant characters in values. Deterministic for a given seed.
/// </summary>
internal sealed class SpecMutator
{
    private static readonly string[] s_types =
    {
        "string", "int32", "int64", "number", "boolean", "uuid", "date-time", "date", "date[]", "unix-time", "json", "string[]", "map<string>",
        "map<int64[]>", "Chat[]", "Media", "EscalationReason", "Nope", "map<", "[]", "string[][]", "map<map<json>>", "", "~", "null",
    };

    private static readonly string[] s_names =
    {
        "class", "namespace", "int", "Value", "JsonConverter", "Equals", "ToString", "body", "parameters", "cancellationToken",
        "ß", "日本語", "𝒳", "_", "__", "1abc", "@", "a-b", "a b", "Ünïcödé", "\u0301x", "x\u200By", "get", "async", "await", "record",
        "IsKnown", "KnownValues", "Client", "ThuliumClient", "CcaiApiException", "id", "Id", "ID", "type",
    };

    private static readonly string[] s_values =
    {
        "", "~", "null", "[", "]", "{", "}", "&a", "*a", "!!binary", "\"", "'", "|", ">", "- x", "{a: 1}", "[1, 2]", "true", "0x10",
        "999999999999999999999", "-1", "200", "299", "300", "GET", "FETCH", "get", "/x/{y}", "{id}", "a?b", "https://x", "ftp://x",
        "\t", "# comment", "%", "@@", "\\u0000", "\u2028", "ok: [", "!tag x",
    };

    private readonly Random _random;

    public SpecMutator(int seed) => _random = new Random(seed);

    public string Mutate(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var mutations = 1 + _random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            switch (_random.Next(11))
            {
                case 0 when lines.Count > 1:
                    lines.RemoveAt(_random.Next(lines.Count));
                    break;
                case 1:
                    var index = _random.Next(lines.Count);
                    lines.Insert(index, lines[index]);
                    break;
                case 2 when lines.Count > 1:
                    var a = _random.Next(lines.Count);
                    var b = _random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    break;
                case 3:
                    ReplaceValue(lines, "type:", s_types[_random.Next(s_types.Length)]);
                    break;
                case 4:
                    SwapTypes(lines);
                    break;
                case 5:
                    RenameKey(lines, s_names[_random.Next(s_names.Length)]);
                    break;
                case 6:
                    ReplaceValue(lines, ":", s_values[_random.Next(s_values.Length)]);
                    break;
                case 7:
                    var line = _random.Next(lines.Count);
                    lines[line] = _random.Next(2) == 0 ? " " + lines[line] : lines[line].TrimStart(' ').PadLeft(Math.Max(0, lines[line].Length - 2));
                    break;
                case 8:
                    var joined = string.Join("\n", lines);
                    return joined.Substring(0, _random.Next(joined.Length + 1));
                case 9:
                    InsertRandomCharacters(lines);
                    break;
                default:
                    ReplaceValue(lines, "method:", s_values[_random.Next(s_values.Length)]);
                    break;
            }
        }

        return string.Join("\n", lines);
    }

    private void ReplaceValue(List<string> lines, string marker, string value)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(marker, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var index = candidates[_random.Next(candidates.Count)];
        var at = lines[index].IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        lines[index] = lines[index][..at] + " " + value;
    }

    private void SwapTypes(List<string> lines)
    {
        var typed = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimStart().StartsWith("type:", StringComparison.Ordinal)).ToList();
        if (typed.Count < 2)
        {
            return;
        }

        var a = typed[_random.Next(typed.Count)];
        var b = typed[_random.Next(typed.Count)];
        var typeA = lines[a][(lines[a].IndexOf("type:", StringComparison.Ordinal) + 5)..];
        var typeB = lines[b][(lines[b].IndexOf("type:", StringComparison.Ordinal) + 5)..];
        lines[a] = lines[a][..(lines[a].IndexOf("type:", StringComparison.Ordinal) + 5)] + typeB;
        lines[b] = lines[b][..(lines[b].IndexOf("type:", StringComparison.Ordinal) + 5)] + typeA;
    }

    private void RenameKey(List<string> lines, string name)
    {
        var keyed = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimEnd().EndsWith(":", StringComparison.Ordinal) && !lines[i].TrimStart().StartsWith("#", StringComparison.Ordinal)).ToList();
        if (keyed.Count == 0)
        {
            return;
        }

        var index = keyed[_random.Next(keyed.Count)];
        var indent = lines[index].Length - lines[index].TrimStart().Length;
        var quoted = name.Any(c => !char.IsLetterOrDigit(c) && c != '_' && c != '-') || name.Length == 0 ? "\"" + name.Replace("\"", "\\\"") + "\"" : name;
        lines[index] = new string(' ', indent) + quoted + ":";
    }

    private void InsertRandomCharacters(List<string> lines)
    {
        var index = _random.Next(lines.Count);
        var builder = new StringBuilder(lines[index]);
        var count = 1 + _random.Next(6);
        for (var i = 0; i < count; i++)
        {
            var c = _random.Next(4) switch
            {
                0 => (char)_random.Next(0, 32),
                1 => (char)_random.Next(32, 127),
                2 => (char)_random.Next(0x80, 0x3000),
                _ => (char)_random.Next(0xD800, 0xE000),
            };
            builder.Insert(_random.Next(builder.Length + 1), c);
        }

        lines[index] = builder.ToString();
    }
}
