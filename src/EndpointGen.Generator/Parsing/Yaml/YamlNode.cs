using System.Collections.Generic;
using EndpointGen.Generator.Diagnostics;

namespace EndpointGen.Generator.Parsing.Yaml;

/// <summary>A node of the small YAML tree the descriptor reader walks; positions are kept, YamlDotNet objects are not.</summary>
internal abstract class YamlNode
{
    protected YamlNode(LocationInfo location) => Location = location;

    public LocationInfo Location { get; }

    public abstract string KindName { get; }
}

/// <summary>A scalar; <see cref="IsPlain"/> tells an unquoted <c>null</c> or <c>~</c> from the string "null".</summary>
internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(LocationInfo location, string value, bool isPlain)
        : base(location)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string KindName => "a scalar";
}

/// <summary>A sequence.</summary>
internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(LocationInfo location, YamlNode[] items)
        : base(location) => Items = items;

    /// <summary>The items, in an array of exactly their number (a descriptor has tens of thousands of small collections).</summary>
    public YamlNode[] Items { get; }

    public override string KindName => "a list";
}

/// <summary>A mapping whose keys are scalars, in document order.</summary>
internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(LocationInfo location, KeyValuePair<YamlScalar, YamlNode>[] entries)
        : base(location) => Entries = entries;

    /// <summary>The entries, in an array of exactly their number.</summary>
    public KeyValuePair<YamlScalar, YamlNode>[] Entries { get; }

    public override string KindName => "a mapping";
}
