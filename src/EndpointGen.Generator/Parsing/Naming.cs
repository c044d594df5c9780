using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace EndpointGen.Generator.Parsing;

/// <summary>
/// Turns documented names (snake_case, kebab-case, "Content-Type", "Channel::Api") into C# identifiers:
/// split on every character that is not a letter or digit, capitalize the first letter of each part, join.
/// </summary>
internal static class Naming
{
    /// <summary>
    /// The longest C# name a descriptor may give, and the longest namespace: far below the compiler's limits on
    /// identifiers (512 characters) and on names in metadata (1,024 UTF-8 bytes) once suffixes such as
    /// <c>ServiceCollectionExtensions</c> and the namespace are added.
    /// </summary>
    public const int MaxLength = 128;

    /// <summary>The longest generated file name (<c>&lt;namespace&gt;.&lt;service&gt;.g.cs</c>) in UTF-8 bytes, as common file systems allow.</summary>
    public const int MaxFileNameBytes = 255;

    /// <summary>
    /// Every type the generated code names with <c>global::</c> (an attribute under both its names), and the support
    /// types it may declare itself. A generated type with one of these names, or with the name of a namespace they are
    /// in, would take the name's place in the generated code; a namespace with one of these names would clash with it.
    /// </summary>
    private static readonly string[] s_typesTheGeneratedCodeNames =
    {
        "EndpointGen.Runtime.ApiException", "EndpointGen.Runtime.ApiRequest", "EndpointGen.Runtime.ApiRequestRunner", "EndpointGen.Runtime.ApiResponse",
        "EndpointGen.Runtime.ApiRunnerSettings", "EndpointGen.Runtime.ApiPageable", "EndpointGen.Runtime.ApiCredential", "EndpointGen.Runtime.ApiUrl", "EndpointGen.Runtime.GeneratedJsonConverter",
        "EndpointGen.Runtime.JsonValueReader", "EndpointGen.Runtime.JsonValueWriter", "EndpointGen.Runtime.EndpointGenHttpClient",
        "EndpointGen.Runtime.Optional",
        "EndpointGen.Runtime.WireFormat", "EndpointGen.Runtime.ApiContent", "EndpointGen.Runtime.FileContent", "EndpointGen.Runtime.FormArrays",
        "EndpointGen.Runtime.FormBuilder", "EndpointGen.Runtime.FormNesting", "System.IO.Stream",
        "EndpointGen.Runtime.ApiEvent", "EndpointGen.Runtime.ApiEventStream", "System.Collections.Generic.IAsyncEnumerable",
        "EndpointGen.Testing.FakeCall", "EndpointGen.Testing.FakeContent", "EndpointGen.Testing.FakeEndpoint", "EndpointGen.Testing.FakeListStyle",
        "EndpointGen.Testing.FakeRequest", "EndpointGen.Testing.FakeRequestException", "EndpointGen.Testing.FakeRequestReader", "EndpointGen.Testing.FakeText", "EndpointGen.Testing.ServiceFake",
        "Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions", "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions",
        "Microsoft.Extensions.DependencyInjection.IHttpClientBuilder", "Microsoft.Extensions.DependencyInjection.IServiceCollection",
        "Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions",
        "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions", "Microsoft.Extensions.Options.IOptions",
        "System.Action", "System.ArgumentException", "System.ArgumentNullException", "System.InvalidOperationException", "System.Attribute", "System.AttributeTargets",
        "System.AttributeUsage", "System.AttributeUsageAttribute", "System.DateTimeOffset", "System.Exception", "System.Func", "System.Guid",
        "System.IEquatable", "System.StringComparer", "System.StringComparison", "System.Uri", "System.UriKind",
        "System.CodeDom.Compiler.GeneratedCode", "System.CodeDom.Compiler.GeneratedCodeAttribute",
        "System.Collections.Generic.IReadOnlyDictionary", "System.Collections.Generic.IReadOnlyList",
        "System.Collections.Generic.KeyValuePair", "System.Collections.Generic.List",
        "System.ComponentModel.EditorBrowsable", "System.ComponentModel.EditorBrowsableAttribute", "System.ComponentModel.EditorBrowsableState",
        "System.Globalization.CultureInfo", "System.Net.Http.HttpClient", "System.Net.Http.HttpMethod", "System.Net.Http.HttpRequestMessage", "System.Net.Http.HttpResponseMessage",
        "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute", "System.Runtime.CompilerServices.IsExternalInit",
        "System.Runtime.CompilerServices.RequiredMemberAttribute",
        "System.Text.Json.JsonElement", "System.Text.Json.JsonEncodedText", "System.Text.Json.JsonTokenType", "System.Text.Json.JsonValueKind",
        "System.Text.Json.Utf8JsonReader", "System.Text.Json.Utf8JsonWriter",
        "System.Text.Json.Nodes.JsonNode", "System.Text.Json.Serialization.JsonConverter", "System.Text.Json.Serialization.JsonConverterAttribute",
        "System.Threading.CancellationToken", "System.Threading.Tasks.Task", "System.Threading.Tasks.ValueTask",
        "System.DateOnly", "System.DateTime", "System.TimeOnly",
    };

    private const int NameBufferLength = 256;

    [ThreadStatic]
    private static char[]? t_nameBuffer;

    private static readonly HashSet<string> s_frameworkTypes = new(s_typesTheGeneratedCodeNames, StringComparer.Ordinal);

    private static readonly HashSet<string> s_frameworkNamespaces = NamespacesOf(s_typesTheGeneratedCodeNames);

    /// <summary>The PascalCase form, or <see langword="null"/> when no valid identifier results.</summary>
    public static string? ToPascalCase(string name)
    {
        // The result is never longer than the name: written into the thread's buffer, it costs only the string (a
        // hostile name longer than the buffer gets an array of its own, which the thread does not keep).
        var buffer = name.Length <= NameBufferLength ? t_nameBuffer ??= new char[NameBufferLength] : new char[name.Length];
        var length = 0;
        var startOfPart = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfPart = true;
                continue;
            }

            buffer[length++] = startOfPart ? char.ToUpperInvariant(c) : c;
            startOfPart = false;
        }

        var result = new string(buffer, 0, length);
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

    /// <summary>
    /// Why a written name cannot be part of a C# name whatever the conversion makes of it, as the end of an EPG011
    /// message, or <see langword="null"/>: it holds an invisible format character (Unicode category Cf, such as
    /// U+200B or the bidirectional controls U+202A–U+202E and U+2066–U+2069). C# drops these from identifiers, so two
    /// names that differ only by one are one name to it, and they can hide or reorder the text a reader sees.
    /// </summary>
    public static string? FormatCharacterProblem(string written)
    {
        var index = IndexOfFormatCharacter(written);
        return index < 0
            ? null
            : $": it holds U+{char.ConvertToUtf32(written, index):X4}, an invisible format character, which C# ignores in names and which can hide or reorder text";
    }

    /// <summary>Why a C# name is too long, as the end of an EPG011 message, or <see langword="null"/>.</summary>
    public static string? LengthProblem(string csharpName) =>
        csharpName.Length > MaxLength ? $": a C# name is at most {MaxLength} characters, and this one is {csharpName.Length}" : null;

    /// <summary>The position of the first character of Unicode category Cf (format), or -1.</summary>
    public static int IndexOfFormatCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            // Every format character is above U+00AC; a surrogate pair is read as one code point.
            if (text[i] > '\u00AC' && CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A name as a message shows it: format characters as <c>\uXXXX</c>, so the message shows what the name hides.</summary>
    public static string Visible(string text)
    {
        if (IndexOfFormatCharacter(text) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 12);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > '\u00AC' && CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format)
            {
                var codePoint = char.ConvertToUtf32(text, i);
                builder.Append(codePoint > 0xFFFF ? "\\U" + codePoint.ToString("X8", CultureInfo.InvariantCulture) : "\\u" + codePoint.ToString("X4", CultureInfo.InvariantCulture));
                i += codePoint > 0xFFFF ? 1 : 0;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether a namespace is usable: see <see cref="NamespaceProblem"/>.</summary>
    public static bool IsValidNamespace(string value) => NamespaceProblem(value) is null;

    /// <summary>
    /// Why a namespace cannot hold generated code, as the end of an EPG011 message, or <see langword="null"/>: it must
    /// be dot-separated C# identifiers without format characters, at most <see cref="MaxLength"/> characters; no
    /// segment may be <c>nameof</c> (the generated code's <c>nameof(...)</c> would find the namespace instead); and
    /// neither it nor a namespace above it may be a type the generated code names (<c>System.Uri</c>).
    /// </summary>
    public static string? NamespaceProblem(string value)
    {
        if (FormatCharacterProblem(value) is { } invisible)
        {
            return invisible;
        }

        if (value.Length > MaxLength)
        {
            return $": a namespace is at most {MaxLength} characters, and this one is {value.Length}";
        }

        var segments = value.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!IsValidIdentifier(segments[i]))
            {
                return ": a namespace is dot-separated C# identifiers";
            }

            if (segments[i] == "nameof")
            {
                return ": 'nameof' as a namespace would take the place of the nameof operator in the generated code";
            }

            var prefix = string.Join(".", segments, 0, i + 1);
            if (s_frameworkTypes.Contains(prefix))
            {
                return $": '{prefix}' is a type the generated code names (global::{prefix})";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a top-level type of this full name would take the place of a type or namespace the generated code
    /// names (a type <c>Net</c> in namespace <c>System</c> hides <c>global::System.Net.Http</c>).
    /// </summary>
    public static bool IsTakenByGeneratedCode(string fullName) =>
        s_frameworkTypes.Contains(fullName) || s_frameworkNamespaces.Contains(fullName);

    private static HashSet<string> NamespacesOf(string[] types)
    {
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            for (var dot = type.IndexOf('.'); dot >= 0; dot = type.IndexOf('.', dot + 1))
            {
                namespaces.Add(type.Substring(0, dot));
            }
        }

        return namespaces;
    }
}
