using System;
using System.Collections.Generic;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// Written names as C# names: the conversion, the names every generated type or method already takes, and the
/// table that catches two written names becoming one C# name.
/// </content>
internal sealed partial class DescriptorReader
{
    // The generated method's own arguments and locals (and the lambda parameters of its read/write calls), and
    // nameof, which an argument of that name would take the place of in its nameof(...) checks.
    private static readonly string[] s_reservedArguments = { "body", "parameters", "cancellationToken", "url", "uri", "request", "response", "r", "w", "v", "nameof" };

    // The members every .NET object has: a generated member of one of these names would hide it (CS0108).
    private static readonly string[] s_objectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals" };

    // What a generated open enum declares besides its values; the enum itself cannot take one of these names either (CS0542).
    private static readonly string[] s_enumMembers = { "Value", "IsKnown", "KnownValues", "JsonConverter", "Equals", "GetHashCode", "ToString" };

    // What a generated class declares besides its properties: the nested converter, and the converter's list of
    // required JSON names, s_requiredNames, beside the s_<Property> field of each property.
    private static readonly string[] s_classMembers = { "JsonConverter", "requiredNames" };

    private string? Identifier(YamlNode? node, string what)
    {
        var text = String(node, what);
        return text is null ? null : CSharpName(text, node!.Location, what);
    }

    /// <summary>
    /// The C# name of a written name (<see cref="Naming.ToPascalCase"/>), or <see langword="null"/> after reporting
    /// why there is none (EPG011): it holds an invisible format character, converts to no identifier, or to one
    /// longer than <see cref="Naming.MaxLength"/>.
    /// </summary>
    /// <param name="hint">The end of the message, such as how to set another name.</param>
    private string? CSharpName(string written, LocationInfo location, string what, string hint = "")
    {
        var name = PascalCase(written);
        var problem = Naming.FormatCharacterProblem(written) ?? (name is null ? string.Empty : Naming.LengthProblem(name));
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, location, what, Naming.Visible(written), problem + hint);
            return null;
        }

        return name;
    }

    /// <summary>
    /// Whether a name given to be used as written (<c>name:</c>) is a C# identifier within the limits, reporting
    /// why not (EPG011).
    /// </summary>
    private bool IsUsableAsWritten(string name, LocationInfo location, string what)
    {
        var problem = Naming.FormatCharacterProblem(name) ?? Naming.LengthProblem(name) ?? (Naming.IsValidIdentifier(name) ? null : string.Empty);
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, location, what, Naming.Visible(name), problem);
        }

        return problem is null;
    }

    /// <summary>The top-level types every service generates besides its declared ones.</summary>
    private static string[] ServiceTypeNames(string serviceName) =>
        new[] { serviceName + "Client", "I" + serviceName + "Client", serviceName + "ClientOptions", serviceName + "ApiException", serviceName + "ServiceCollectionExtensions" };

    /// <summary><see cref="Naming.ToPascalCase"/>, converting each distinct name once.</summary>
    private string? PascalCase(string name)
    {
        // Endpoint and type names are mostly written in PascalCase already, and the conversion would only copy them.
        if (IsAsciiPascalCase(name))
        {
            return name;
        }

        if (!_pascalCaseNames.TryGetValue(name, out var pascal))
        {
            pascal = Naming.ToPascalCase(name);
            _pascalCaseNames.Add(name, pascal);
        }

        return pascal;
    }

    /// <summary>
    /// Whether a name is an ASCII capital followed by ASCII letters and digits: <see cref="Naming.ToPascalCase"/> keeps
    /// such a name as it is, and it is a valid identifier (every C# keyword is lower case).
    /// </summary>
    private static bool IsAsciiPascalCase(string name)
    {
        if (name.Length == 0 || name[0] < 'A' || name[0] > 'Z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Which written name took each C# name so far, to report two names that become one. Such a table holds the few
    /// members of a type or parameters of an endpoint, so it is a list scanned in place and reused; past a few dozen
    /// names (only in a hostile descriptor) it moves to a dictionary, which keeps the check linear.
    /// </summary>
    private sealed class NameTable
    {
        private const int ScanLimit = 32;

        private readonly List<KeyValuePair<string, string>> _names = new();
        private Dictionary<string, string>? _index;

        /// <summary>Empties the table for its next user, and returns it.</summary>
        public NameTable Cleared()
        {
            _names.Clear();
            _index = null;
            return this;
        }

        public bool TryGetValue(string csharpName, out string writtenName)
        {
            if (_index is not null)
            {
                return _index.TryGetValue(csharpName, out writtenName!);
            }

            foreach (var name in _names)
            {
                if (name.Key == csharpName)
                {
                    writtenName = name.Value;
                    return true;
                }
            }

            writtenName = null!;
            return false;
        }

        /// <summary>Adds a C# name that <see cref="TryGetValue"/> did not find.</summary>
        public void Add(string csharpName, string writtenName)
        {
            if (_index is not null)
            {
                _index.Add(csharpName, writtenName);
                return;
            }

            _names.Add(new KeyValuePair<string, string>(csharpName, writtenName));
            if (_names.Count > ScanLimit)
            {
                _index = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var name in _names)
                {
                    _index.Add(name.Key, name.Value);
                }
            }
        }
    }
}
