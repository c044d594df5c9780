// Direct driver, not Microsoft.CodeAnalysis.Testing: thousands of descriptors are generated one by one and their output compiled in batches, which a workspace project per case would not fit in the CI budget.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// Every descriptor without an EPG error compiles warning-free: each name-bearing slot of a descriptor is filled with
/// each hostile name (C# keywords and contextual keywords, invisible and bidirectional characters, the generated
/// code's own member, local and type names, framework type and namespace names, names past the length limit), and
/// each must end in a located EPG error or in generated code that compiles without a C# error or warning (long names
/// are emitted too, for the metadata limits) and holds no invisible character. Then every name the generated code
/// spells with <c>global::</c> is read from its output and declared by a descriptor as a namespace, and as a type in
/// the namespace above it, so a shadowed framework name is found whatever the emitters come to name.
/// </summary>
/// <remarks>
/// Each name is first generated alone in its slot, which decides between a located error and clean output. Compiling
/// every clean case alone would take minutes, so the clean names of a slot that is a list (fields, enum values,
/// parameters, endpoints, types, …) are compiled many to a descriptor: its entry is repeated once per name. A
/// combined descriptor that fails is compiled name by name, to tell a name that fails from names that fail together.
/// </remarks>
public sealed class HostileNameTests
{
    private const int NamesPerDescriptor = 40;
    private const int DescriptorsPerCompilation = 16;

    // Every slot is quoted, so a hostile value reaches the reader as written whatever characters it holds. A line
    // whose key (or list item) is a slot is repeated once per name when a descriptor holds several; "{slot}" takes
    // them all, joined with '/'; any other place takes the first.
    private const string Template = """
        service:
          name: "«Service»"
          namespace: "«Namespace»"
          baseUrl: "https://{region}.example.com/{«Placeholder»}/v1"
          servers:
            cdn: "https://cdn.example.com/{«ServerPlaceholder»}"
            "«Server»": "https://{zone}.media.example.com/v1"
          auth:
            scheme: apiKey
            header: X-Api-Key
          headers:
            Accept: application/json
            "«DefaultHeader»": "yes"
          error:
            type: "«ErrorType»"
            message: "errors.«MessageField»"
        endpoints:
          ListThings:
            method: GET
            path: things
            response: "map<«Object»>"
          GetMedia:
            method: GET
            server: "«Server»"
            path: media
          Next:
            method: GET
            url: given
            auth: none
          "«Endpoint»":
            method: PATCH
            path: "things/{«PathParameter»}"
            parameters:
              path:
                "«PathParameter»": "«Enum»"
              query:
                flag: boolean
                tint: "«Enum»"
                "«QueryParameter»": { type: string, required: true }
              header:
                X-Colour: "«Enum»"
                "«HeaderParameter»": { type: int64, required: true }
            body: "«Object»"
            response: "«Object»[]"
        types:
          ApiErrorItem:
            fields:
              code: int32
              "«MessageField»": string
          "«Object»":
            fields:
              nested: "map<«Object»[]>"
              colour: "«Enum»"
              "«JsonName»": { type: string, name: Renamed }
              "to-«PropertyName»": { type: string, name: "«PropertyName»" }
              "«Field»": { type: string, required: true }
          "«Enum»":
            enum:
              - other-value
              - "«EnumValue»"
          "«ErrorType»":
            fields:
              errors: ApiErrorItem[]
        """;

    // What each slot holds when another is under test. Fixed entries of a mapping come before the slot, so a
    // hostile name that repeats one is reported at the slot.
    private static readonly Dictionary<string, string> s_defaults = new(StringComparer.Ordinal)
    {
        ["Service"] = "Demo",
        ["Namespace"] = "(per case)",
        ["Placeholder"] = "tenant",
        ["Server"] = "media",
        ["ServerPlaceholder"] = "bucket",
        ["DefaultHeader"] = "X-Default",
        ["ErrorType"] = "ApiError",
        ["MessageField"] = "detail",
        ["Endpoint"] = "UpdateThing",
        ["PathParameter"] = "id",
        ["QueryParameter"] = "limit",
        ["HeaderParameter"] = "X-Trace",
        ["Object"] = "Thing",
        ["Field"] = "name",
        ["JsonName"] = "renamed",
        ["PropertyName"] = "Other",
        ["Enum"] = "Colour",
        ["EnumValue"] = "dark-red",
    };

    // The slots a descriptor has one of: every name in them is compiled in a descriptor of its own.
    private static readonly string[] s_singleSlots = { "Service", "Namespace" };

    private readonly ITestOutputHelper _output;

    public HostileNameTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Every_name_bearing_slot_filled_with_a_hostile_name_is_a_located_error_or_code_that_compiles_warning_free()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

        // With Microsoft.Extensions.Http referenced, so the DI registration is generated and compiled too.
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(GeneratorHarness.DependencyInjectionReferences);
        _ = compilation.GetDiagnostics();
        var failures = new ConcurrentQueue<string>();

        var cases = new List<Case>();
        foreach (var slot in s_defaults.Keys)
        {
            foreach (var name in HostileNames())
            {
                cases.Add(new Case(cases.Count, slot, new[] { name }, null));
                if (slot == "Namespace")
                {
                    // A keyword is refused, or not, differently as a first segment (global::global) and as a later one.
                    cases.Add(new Case(cases.Count, slot, new[] { "Hostile." + name }, null));
                }
            }
        }

        // Every name the generated code spells with global:: (and, for an attribute, with its Attribute suffix),
        // declared as a namespace and as a type in the namespace above it.
        var baseline = Generate(compilation, new[] { new Case(-1, "Service", new[] { "Demo" }, "Baseline") }, failures);
        Assert.True(failures.IsEmpty, string.Join("\n", failures));
        foreach (var qualified in QualifiedNames(Assert.Single(baseline.Clean).Sources!))
        {
            var segments = qualified.Split('.');
            cases.Add(new Case(cases.Count, "Namespace", new[] { qualified }, null));
            for (var i = 1; i < segments.Length; i++)
            {
                var ns = string.Join(".", segments.Take(i));
                cases.Add(new Case(cases.Count, "Object", new[] { segments[i] }, ns));
                cases.Add(new Case(cases.Count, "Enum", new[] { segments[i] }, ns));
            }
        }

        cases = cases.GroupBy(c => (c.Slot, c.Names[0], c.Namespace)).Select(g => g.First()).ToList();
        var singles = Generate(compilation, cases, failures);
        var generated = clock.Elapsed;

        // What is compiled: each clean name of a slot a descriptor has one of alone, the others many to a descriptor.
        var units = new List<Case>(singles.Clean.Where(c => c.Namespace is not null || Array.IndexOf(s_singleSlots, c.Slot) >= 0));
        var combined = Combine(singles.Clean.Where(c => c.Namespace is null && Array.IndexOf(s_singleSlots, c.Slot) < 0), cases.Count);
        var combinedResult = Generate(compilation, combined, failures, expectClean: false);
        units.AddRange(combinedResult.Clean);
        foreach (var failed in combinedResult.WithErrors)
        {
            // Names that are each clean but meet each other (two that become one C# name): compiled one by one.
            units.AddRange(Generate(compilation, failed.Names.Select((name, i) => failed with { Id = failed.Id * 1000 + i, Names = new[] { name } }).ToList(), failures).Clean);
        }

        // Several descriptors in one compilation (each has a namespace of its own); a compilation that fails is
        // compiled descriptor by descriptor, and a combined descriptor that fails name by name, to name the culprit.
        var batches = units.Select((c, i) => (c, i)).GroupBy(x => x.i / DescriptorsPerCompilation, x => x.c).Select(g => g.ToList()).ToList();
        var compiledDescriptors = 0;
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
        {
            Interlocked.Add(ref compiledDescriptors, batch.Count);
            if (CompileProblems(compilation, batch).Count == 0)
            {
                return;
            }

            foreach (var unit in batch)
            {
                var problems = CompileProblems(compilation, new[] { unit });
                if (problems.Count == 0)
                {
                    continue;
                }

                var culprits = 0;
                if (unit.Names.Count > 1)
                {
                    foreach (var single in Generate(compilation, unit.Names.Select(n => unit with { Names = new[] { n } }).ToList(), failures).Clean)
                    {
                        if (CompileProblems(compilation, new[] { single }) is { Count: > 0 } own)
                        {
                            failures.Enqueue($"{single}: compiles with {string.Join(" | ", own.Take(3))}");
                            culprits++;
                        }
                    }
                }

                if (culprits == 0)
                {
                    failures.Enqueue($"{unit}: compiles with {string.Join(" | ", problems.Take(3))}");
                }
            }
        });

        _output.WriteLine(
            $"{cases.Count} names in slots ({singles.Errors} located errors, {singles.Clean.Count} clean), {compiledDescriptors} descriptors compiled in {batches.Count} compilations " +
            $"({combined.Count} of them holding {combined.Sum(c => c.Names.Count)} names); generating took {generated.TotalSeconds:F1} s, compiling {(clock.Elapsed - generated).TotalSeconds:F1} s, " +
            $"{(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F0} s of CPU in all.");

        // One line per kind of failure in each slot, with how many cases share it.
        foreach (var group in failures.GroupBy(FailureKind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            _output.WriteLine($"[{group.Count()}] {(first.Length > 400 ? first[..400] : first)}");
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} hostile names neither got a located error nor compiled; first: {failures.FirstOrDefault()}");
    }

    /// <summary>
    /// The clean names of list slots, many to a case: within one, no two become the same C# name, which would be a
    /// collision of the names with each other rather than something one of them does.
    /// </summary>
    private static List<Case> Combine(IEnumerable<Case> clean, int firstId)
    {
        var combined = new List<Case>();
        foreach (var slot in clean.GroupBy(c => c.Slot))
        {
            var open = new List<(List<string> Names, HashSet<string> Keys)>();
            foreach (var name in slot.Select(c => c.Names[0]))
            {
                var key = EndpointGen.Generator.Parsing.Naming.ToPascalCase(name) ?? name;
                var target = open.FirstOrDefault(o => o.Names.Count < NamesPerDescriptor && !o.Keys.Contains(key));
                if (target.Names is null)
                {
                    target = (new List<string>(), new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                    open.Add(target);
                }

                target.Names.Add(name);
                target.Keys.Add(key);
            }

            combined.AddRange(open.Select(o => new Case(firstId + combined.Count, slot.Key, o.Names, null)));
        }

        return combined;
    }

    /// <summary>Generates each case on its own; sorts them into located errors and clean output, and records what failed.</summary>
    /// <param name="expectClean">Whether an EPG error is a verdict (one name), rather than a sign that names meet (several).</param>
    private static Generated Generate(Compilation compilation, IReadOnlyList<Case> cases, ConcurrentQueue<string> failures, bool expectClean = true)
    {
        var clean = new ConcurrentBag<Case>();
        var withErrors = new ConcurrentBag<Case>();
        var errors = 0;
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, item =>
        {
            var (path, yaml, slotLines) = item.Descriptor();
            var driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(path, yaml) });
            var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
            if (result.Exception is not null)
            {
                failures.Enqueue($"{item}: the generator threw {result.Exception}");
                return;
            }

            if (result.Diagnostics.FirstOrDefault(d => !d.Id.StartsWith("EPG", StringComparison.Ordinal) || d.Id == "EPG099") is { } unexpected)
            {
                failures.Enqueue($"{item}: {unexpected}");
                return;
            }

            var epgErrors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (epgErrors.Count > 0 && !expectClean)
            {
                withErrors.Add(item);
                return;
            }

            if (epgErrors.Count > 0)
            {
                // Located: at least one error where the hostile name is written, or where a name it meets is.
                var lines = yaml.Split('\n');
                if (!epgErrors.Any(d => d.Location.GetLineSpan() is { Path: var p } span && p == path && span.StartLinePosition.Line < lines.Length &&
                    (slotLines.Contains(span.StartLinePosition.Line) || Meets(item.Names[0], lines[span.StartLinePosition.Line]))))
                {
                    failures.Enqueue($"{item}: no error on the lines {string.Join(", ", slotLines.Select(l => l + 1))} where it is written: {string.Join(" | ", epgErrors.Take(3))}");
                }
                else if (result.GeneratedSources.Length > 0)
                {
                    failures.Enqueue($"{item}: a descriptor with errors generated code");
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }

                return;
            }

            var sources = result.GeneratedSources.Select(s => s.SyntaxTree).ToList();
            if (sources.Count == 0)
            {
                failures.Enqueue($"{item}: an error-free descriptor generated nothing");
                return;
            }

            // No invisible or bidirectional character reaches the generated text raw (Trojan source).
            foreach (var tree in sources)
            {
                var text = tree.GetText().ToString();
                var index = IndexOfFormatCharacter(text);
                if (index >= 0)
                {
                    failures.Enqueue($"{item}: U+{char.ConvertToUtf32(text, index):X4} is written raw in {Path.GetFileName(tree.FilePath)} at {tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(index, 1)).StartLinePosition}");
                    return;
                }
            }

            clean.Add(item with { Sources = sources });
        });

        return new Generated(errors, clean.OrderBy(c => c.Id).ToList(), withErrors.OrderBy(c => c.Id).ToList());
    }

    /// <summary>The C# errors and warnings of the cases' output compiled together.</summary>
    private static List<Diagnostic> CompileProblems(Compilation compilation, IReadOnlyCollection<Case> batch)
    {
        var output = compilation.AddSyntaxTrees(batch.SelectMany(c => c.Sources!));

        // Only emitting checks the metadata limits on names; it costs twice the binding, so only long names pay for it.
        var diagnostics = batch.Any(c => c.Names.Any(n => n.Length >= 100)) ? output.Emit(Stream.Null).Diagnostics : output.GetDiagnostics();
        return diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
    }

    /// <summary>
    /// Whether a line of the template declares a name the hostile one meets once both are C# names: a field
    /// <c>name</c> in a type named <c>Name</c>, an endpoint <c>UpdateThing</c> beside a type <c>UpdateThingParameters</c>.
    /// </summary>
    private static bool Meets(string hostile, string line)
    {
        static string Letters(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var name = Letters(hostile);
        var key = Letters(line.Split(':')[0]);
        return name.Length > 0 && key.Length > 0 && (Letters(line).Contains(name, StringComparison.Ordinal) || name.StartsWith(key, StringComparison.Ordinal));
    }

    /// <summary>The slot and the diagnostic ID or the first words of a failure, to list each kind once.</summary>
    private static string FailureKind(string failure)
    {
        var slot = Regex.Match(failure, @"^case -?\d+: (\w+)").Groups[1].Value;
        var message = failure[(failure.IndexOf("\": ", StringComparison.Ordinal) + 3)..];
        var id = Regex.Match(message, @"\b(CS|EPG)\d{3,4}\b");
        return slot + " " + (id.Success ? id.Value : Regex.Replace(message.Length > 24 ? message[..24] : message, @"U\+[0-9A-F]+|\d+", "#"));
    }

    private static int IndexOfFormatCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The names written as <c>global::A.B.C</c> in the output, and <c>A.B.CAttribute</c> for those in attribute position.</summary>
    private static SortedSet<string> QualifiedNames(IReadOnlyList<SyntaxTree> output)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in output)
        {
            foreach (Match match in Regex.Matches(tree.GetText().ToString(), @"(\[)?global::([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)"))
            {
                var name = match.Groups[2].Value;
                if (!name.StartsWith("Baseline.", StringComparison.Ordinal))
                {
                    names.Add(name);
                    if (match.Groups[1].Success)
                    {
                        names.Add(name + "Attribute");
                    }
                }
            }
        }

        return names;
    }

    private static IEnumerable<string> HostileNames()
    {
        var names = new List<string>();

        // C# keywords and contextual keywords, as the compiler lists them, and those of later C# versions.
        names.AddRange(SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText));
        names.AddRange(SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText));
        names.AddRange(new[] { "field", "extension", "allows", "scoped", "file", "required", "record", "nint", "nuint", "dynamic", "_" });

        // The generated code's own names: members, locals, parameters, the runtime's base-class helpers, the
        // members every object and exception has, and the generated types of the default service and endpoint.
        names.AddRange(new[]
        {
            "JsonConverter", "ReadValue", "WriteValue", "Value", "IsKnown", "KnownValues", "Error", "ErrorBody", "ServiceName",
            "BaseUrlTemplate", "CreateBaseAddress", "BaseAddress", "AllowInsecureHttp", "MaxResponseBodyBytes", "ApiKey",
            "Username", "Password", "Token", "DescribeError", "_runner", "s_patch", "s_defaultHeaders", "s_requiredNames",
            "requiredNames", "seen0", "p_Name", "reader", "writer", "value", "_value", "url", "uri", "request", "response",
            "body", "parameters", "cancellationToken", "cancellation_token", "httpClient", "options", "services", "configure",
            "optionsBuilder", "provider", "operation", "detail", "innerException", "responseBody", "error", "parts", "r", "w",
            "v", "w0", "v0", "v1", "other", "obj", "left", "right",
            "Name", "ExpectObject", "NextProperty", "SkipProperty", "Required", "Optional", "OptionalStruct", "RequiredList",
            "OptionalList", "RequiredMap", "OptionalMap", "CheckRequired", "ReadString", "ReadInt64", "ReadJson", "Read", "Write",
            "WriteRequired", "WriteOptional", "WriteOptionalStruct", "WriteNullable", "WriteList", "WriteMap", "WriteString",
            "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
            "Service", "Operation", "StatusCode", "ReasonPhrase", "Headers", "ResponseBody", "Detail", "Message", "InnerException",
            "Data", "HResult", "Source", "StackTrace", "HelpLink", "TargetSite", "GetBaseException",
            "DemoClient", "IDemoClient", "DemoClientOptions", "DemoApiException", "DemoServiceCollectionExtensions", "AddDemoClient",
            "UpdateThingParameters", "UpdateThingAsync", "ListThingsParameters", "Demo", "Thing", "Colour", "ApiError", "ApiErrorItem",
            "update-thing-parameters", "demo_client", "x-api-key", "accept",
        });

        // Framework types and namespaces the generated code names, or a user might.
        names.AddRange(new[]
        {
            "System", "Microsoft", "EndpointGen", "Runtime", "Net", "Http", "Text", "Json", "Nodes", "Serialization",
            "Threading", "Tasks", "Collections", "Generic", "Globalization", "CodeDom", "Compiler", "Extensions",
            "DependencyInjection", "Options", "String", "Object", "Task", "Uri", "UriKind", "HttpClient", "HttpMethod",
            "HttpResponseMessage", "Guid", "DateTimeOffset", "Exception", "ArgumentException", "ArgumentNullException",
            "Action", "IEquatable", "StringComparer", "StringComparison", "CancellationToken", "Utf8JsonReader",
            "Utf8JsonWriter", "JsonEncodedText", "JsonTokenType", "JsonNode", "GeneratedCode", "GeneratedCodeAttribute",
            "JsonConverterAttribute", "IReadOnlyList", "IReadOnlyDictionary", "KeyValuePair", "List", "CultureInfo", "Type",
            "Attribute", "Nullable", "Int32", "Boolean", "ApiException", "ApiRequest", "ApiRequestRunner", "ApiRunnerSettings",
            "ApiUrl", "GeneratedJsonConverter", "JsonValueReader", "JsonValueWriter", "IServiceCollection", "IHttpClientBuilder",
            "IOptions", "IsExternalInit", "RequiredMemberAttribute", "CompilerFeatureRequiredAttribute",
            "System.Net", "System.Uri", "EndpointGen.Runtime", "Microsoft.Extensions",
        });

        // Invisible and bidirectional characters (category Cf, which C# drops from identifiers), alone, inside a name
        // and beside it, and names that differ from another only by one.
        foreach (var c in new[] { "\u00AD", "\u061C", "\u180E", "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2060", "\u2066", "\u2067", "\u2068", "\u2069", "\uFEFF", "\U000E0041" })
        {
            names.Add("Na" + c + "me");
            names.Add(c + "name");
            names.Add("Thing" + c);
        }

        // Other spellings C# reads as another name, or as none.
        names.AddRange(new[] { "@class", "@Name", "\\u0041bc", "Ab\\u0063", "", " ", "__", "_1", "1st", "a-b", "a.b", "a..b", ".a", "a.", "{x}", "a\"b", "a\\b", "a<b>", "a b", "名前", "Ñandú", "ǅemo", "ªbc", "Ⅻ", "e\u0301", "𝒜bc", "\u3164", "x\u2028y", "x\ty", "x\0y" });

        // Long names: at the limit, past it, and 1,000 characters; ASCII and not.
        foreach (var length in new[] { 128, 129, 200, 511, 1_000, 2_000 })
        {
            names.Add("A" + new string('b', length - 1));
            names.Add("É" + new string('é', length - 1));
        }

        return names.Distinct(StringComparer.Ordinal);
    }

    private sealed record Generated(int Errors, List<Case> Clean, List<Case> WithErrors);

    /// <summary>Hostile names in one slot; <paramref name="Namespace"/> overrides the case's own namespace.</summary>
    private sealed record Case(int Id, string Slot, IReadOnlyList<string> Names, string? Namespace)
    {
        public IReadOnlyList<SyntaxTree>? Sources { get; init; }

        /// <summary>The descriptor, and the 0-based lines where the slot is written.</summary>
        public (string Path, string Yaml, HashSet<int> SlotLines) Descriptor()
        {
            var values = new Dictionary<string, string>(s_defaults, StringComparer.Ordinal) { ["Namespace"] = Namespace ?? "Case" + Id };
            var token = "«" + Slot + "»";
            var lines = Template.Split('\n');
            var yaml = new List<string>();
            var slotLines = new HashSet<int>();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Contains(token, StringComparison.Ordinal) || (Namespace is not null && line.Contains("«Namespace»", StringComparison.Ordinal)))
                {
                    slotLines.Add(yaml.Count);
                }

                var at = line.IndexOf(token, StringComparison.Ordinal);
                var colon = line.IndexOf(':');
                if (at >= 0 && (colon < 0 || at < colon))
                {
                    // The slot is the key or the list item: the entry with what is indented under it, once per name.
                    var end = i + 1;
                    while (end < lines.Length && Indent(lines[end]) > Indent(line))
                    {
                        end++;
                    }

                    foreach (var name in Names)
                    {
                        for (var j = i; j < end; j++)
                        {
                            yaml.Add(Fill(lines[j].Replace(token, Quoted(name), StringComparison.Ordinal), values));
                        }
                    }

                    i = end - 1;
                    continue;
                }

                line = line.Replace("{" + token + "}", string.Join("/", Names.Select(n => "{" + Quoted(n) + "}")), StringComparison.Ordinal);
                yaml.Add(Fill(line.Replace(token, Quoted(Names[0]), StringComparison.Ordinal), values));
            }

            return ($"/specs/case{Id}.endpoints.yaml", string.Join("\n", yaml) + "\n", slotLines);
        }

        public override string ToString()
        {
            var name = Names[0].Length > 60 ? Names[0][..60] + "…(" + Names[0].Length + ")" : Names[0];
            return $"case {Id}: {Slot} = \"{Quoted(name)}\"{(Names.Count > 1 ? $" and {Names.Count - 1} more" : string.Empty)}{(Namespace is null ? string.Empty : " in namespace " + Namespace)}";
        }

        private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

        private static string Fill(string line, Dictionary<string, string> values)
        {
            foreach (var (slot, value) in values)
            {
                line = line.Replace("«" + slot + "»", Quoted(value), StringComparison.Ordinal);
            }

            return line;
        }

        /// <summary>The text of a YAML double-quoted scalar holding <paramref name="value"/>, without its quotes.</summary>
        private static string Quoted(string value)
        {
            var builder = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c is '"' or '\\')
                {
                    builder.Append('\\').Append(c);
                }
                else if (c >= 0x20 && c < 0x7F)
                {
                    builder.Append(c);
                }
                else if (char.IsHighSurrogate(c) && i + 1 < value.Length)
                {
                    builder.Append("\\U").Append(char.ConvertToUtf32(c, value[++i]).ToString("X8", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
            }

            return builder.ToString();
        }
    }
}
