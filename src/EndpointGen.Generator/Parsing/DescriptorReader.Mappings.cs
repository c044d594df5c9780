using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// Reading the tree's nodes as the format wants them: a mapping with known, unrepeated and required keys, a
/// single value, text, a boolean, a type expression, an example.
/// </content>
internal sealed partial class DescriptorReader
{
    private TypeRef? TypeOf(YamlNode? node, string key)
    {
        var text = String(node, key);
        if (text is null)
        {
            return null;
        }

        var type = TypeExpressionParser.Parse(text, _declaredTypes);
        if (type is null)
        {
            Report(DiagnosticDescriptors.UnknownType, node!.Location, text.Length > 100 ? text.Substring(0, 100) + "…" : text);
        }

        return type;
    }

    private YamlMapping? AsMapping(YamlNode? node, Phrase what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlMapping map)
        {
            return map;
        }

        Report(DiagnosticDescriptors.InvalidValue, node.Location, what.ToString(), $"expected a mapping, found {(node is YamlScalar { IsNull: true } ? "nothing" : node.KindName)}");
        return null;
    }

    private static bool HasKey(YamlMapping map, string key)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Key.Value == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entries of a mapping, reporting every repeated key (a repeated endpoint, type or field name) once.</summary>
    private UniqueEntryList UniqueEntries(YamlMapping map, Phrase noun) => new(this, map.Entries, noun);

    /// <summary>
    /// Checks a mapping's keys against the allowed ones, reporting unknown, repeated and missing keys, and gives the
    /// known ones by name.
    /// </summary>
    private MappingKeys ReadKeys(YamlMapping map, Phrase context, string[] allowed, string[] required)
    {
        foreach (var entry in UniqueEntries(map, "key"))
        {
            if (Array.IndexOf(allowed, entry.Key.Value) < 0)
            {
                Report(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, context.ToString(), string.Join(", ", allowed));
            }
        }

        var keys = new MappingKeys(map);
        foreach (var key in required)
        {
            if (keys.Get(key) is null)
            {
                Report(DiagnosticDescriptors.MissingKey, map.Location, key, context.ToString());
            }
        }

        return keys;
    }

    private string? String(YamlNode? node, string key)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        Report(DiagnosticDescriptors.InvalidValue, node.Location, key, node is YamlScalar ? "a value is required" : "expected a single value, found " + node.KindName);
        return null;
    }

    private string? OptionalText(YamlNode? node, string key)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        // Blank text documents nothing: treat it as absent so the emitter's default wording applies.
        var text = String(node, key)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private bool? Bool(YamlNode? node, string key)
    {
        var text = String(node, key);
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Report(DiagnosticDescriptors.InvalidValue, node!.Location, key, $"'{text}' is not true or false");
                return null;
        }
    }

    /// <summary>An example as the text for docs: a scalar as written; a list or mapping in compact JSON form.</summary>
    private static string Example(YamlNode node)
    {
        if (node is YamlScalar scalar)
        {
            return scalar.Value;
        }

        var builder = new StringBuilder();
        AppendExample(builder, node, 0);
        return builder.ToString();
    }

    private static void AppendExample(StringBuilder builder, YamlNode node, int depth)
    {
        if (builder.Length > 500 || depth > 8)
        {
            builder.Append('…');
            return;
        }

        switch (node)
        {
            case YamlScalar scalar when depth == 0:
                builder.Append(scalar.Value);
                break;
            case YamlScalar scalar when IsJsonLiteral(scalar):
                builder.Append(scalar.IsNull ? "null" : scalar.Value);
                break;
            case YamlScalar scalar:
                builder.Append('"').Append(scalar.Value.Replace("\"", "\\\"")).Append('"');
                break;
            case YamlSequence sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    AppendExample(builder, sequence.Items[i], depth + 1);
                }

                builder.Append(']');
                break;
            case YamlMapping mapping:
                builder.Append('{');
                for (var i = 0; i < mapping.Entries.Length; i++)
                {
                    builder.Append(i == 0 ? "\"" : ", \"").Append(mapping.Entries[i].Key.Value).Append("\": ");
                    AppendExample(builder, mapping.Entries[i].Value, depth + 1);
                }

                builder.Append('}');
                break;
        }
    }

    /// <summary>Whether an unquoted scalar reads as a JSON null, boolean or number, which an example shows bare.</summary>
    private static bool IsJsonLiteral(YamlScalar scalar) =>
        scalar.IsPlain && (scalar.IsNull || scalar.Value is "true" or "false" || double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    /// <summary>
    /// The values of a mapping's keys, once <see cref="ReadKeys"/> has checked them. A view over the entries rather than
    /// a dictionary: a mapping has a handful of keys, and one is read for every object in the descriptor.
    /// </summary>
    private readonly struct MappingKeys
    {
        private readonly KeyValuePair<YamlScalar, YamlNode>[] _entries;

        public MappingKeys(YamlMapping map) => _entries = map.Entries;

        /// <summary>The value of the key's first occurrence (a repeat was reported and is ignored), if any.</summary>
        /// <param name="key">One of the keys the mapping allows; an unknown key was reported and is never asked for.</param>
        public YamlNode? Get(string key)
        {
            foreach (var entry in _entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The entries of a mapping with every repeated key reported and skipped, as a struct enumerable so that walking
    /// a mapping allocates nothing. A key is checked against the earlier ones in place; only a large mapping (a long
    /// list of types, or a hostile one) pays for a set, which keeps the check linear.
    /// </summary>
    private readonly struct UniqueEntryList
    {
        private readonly DescriptorReader _reader;
        private readonly KeyValuePair<YamlScalar, YamlNode>[] _entries;
        private readonly Phrase _noun;

        public UniqueEntryList(DescriptorReader reader, KeyValuePair<YamlScalar, YamlNode>[] entries, Phrase noun)
        {
            _reader = reader;
            _entries = entries;
            _noun = noun;
        }

        public Enumerator GetEnumerator() => new(_reader, _entries, _noun);

        public struct Enumerator
        {
            private const int ScanLimit = 32;

            private readonly DescriptorReader _reader;
            private readonly KeyValuePair<YamlScalar, YamlNode>[] _entries;
            private readonly Phrase _noun;
            private HashSet<string>? _seen;
            private int _index;

            public Enumerator(DescriptorReader reader, KeyValuePair<YamlScalar, YamlNode>[] entries, Phrase noun)
            {
                _reader = reader;
                _entries = entries;
                _noun = noun;
                _seen = null;
                _index = -1;
            }

            public KeyValuePair<YamlScalar, YamlNode> Current => _entries[_index];

            public bool MoveNext()
            {
                while (++_index < _entries.Length)
                {
                    var key = _entries[_index].Key;
                    if (!IsRepeat(key.Value))
                    {
                        return true;
                    }

                    _reader.Report(DiagnosticDescriptors.DuplicateKey, key.Location, _noun.ToString(), key.Value);
                }

                return false;
            }

            private bool IsRepeat(string key)
            {
                if (_entries.Length > ScanLimit)
                {
                    _seen ??= new HashSet<string>(StringComparer.Ordinal);
                    return !_seen.Add(key);
                }

                for (var i = 0; i < _index; i++)
                {
                    if (_entries[i].Key.Value == key)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>
    /// What a message is about, such as "field 'id' of 'Chat'", kept as its parts: nearly every mapping is valid, so
    /// the text is joined only when a diagnostic names it.
    /// </summary>
    private readonly struct Phrase
    {
        private readonly string _text;
        private readonly string? _part2;
        private readonly string? _part3;
        private readonly string? _part4;
        private readonly string? _part5;

        public Phrase(string text, string? part2 = null, string? part3 = null, string? part4 = null, string? part5 = null)
        {
            _text = text;
            _part2 = part2;
            _part3 = part3;
            _part4 = part4;
            _part5 = part5;
        }

        public static implicit operator Phrase(string text) => new(text);

        public override string ToString() => string.Concat(new[] { _text, _part2, _part3, _part4, _part5 });
    }
}
