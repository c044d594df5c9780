using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using EndpointGen.Benchmarks.Generator;
using EndpointGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EndpointGen.Benchmarks.Build;

/// <summary>
/// What the generator emits per endpoint and what compiling it costs, without MSBuild around it:
/// <list type="bullet">
/// <item><c>--generated-size</c>: bytes and lines per endpoint, split by kind, for the synthetic descriptors at 100
/// and 1000 endpoints and the three specs;</item>
/// <item><c>--compile N [pairs]</c>: the CPU time of compiling, in process (parse, bind, emit a Release assembly), the
/// output for N synthetic endpoints, against the same model types written plainly with no JSON code, paired;</item>
/// <item><c>--compile-parts N [runs]</c>: the same compile with the method bodies and initializers of one kind at a
/// time replaced by <c>throw null!</c>, so the difference is what that kind's code costs the compiler;</item>
/// <item><c>--dump DIR N</c>: the generated files for N synthetic endpoints, to read;</item>
/// <item><c>--compile-dir DIR... [--runs R]</c>: the compile CPU of the <c>.cs</c> files of each directory (hand-edited
/// variants of a dump, to try a change of the output before changing the generator), alternating, median of R.</item>
/// </list>
/// </summary>
internal static class GeneratedCodeCost
{
    private static readonly bool s_debug = Environment.GetEnvironmentVariable("ENDPOINTGEN_COMPILE_DEBUG") == "1";

    private static readonly string[] s_kinds = { "converters", "docs", "client", "parameters", "models", "options/exception", "other" };

    /// <summary>Runs the mode the arguments name.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        var endpoints = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1000;
        switch (args[0])
        {
            case "--generated-size":
                Sizes();
                return 0;
            case "--compile":
                CompileTimes(endpoints, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
                return 0;
            case "--compile-parts":
                CompileParts(endpoints, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
                return 0;
            case "--compile-dir":
                CompileDirectories(args.Skip(1).ToArray());
                return 0;
            case "--dump":
                var dir = Path.GetFullPath(args.Length > 1 ? args[1] : "generated");
                var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
                Directory.CreateDirectory(dir);
                foreach (var (hint, text) in Generate(SyntheticDescriptors.Create(count)))
                {
                    File.WriteAllText(Path.Combine(dir, hint), text);
                }

                Console.WriteLine("wrote " + dir);
                return 0;
            default:
                return 2;
        }
    }

    private static void Sizes()
    {
        var root = FindRoot();
        Console.WriteLine("| corpus | endpoints | bytes | lines | bytes/endpoint | lines/endpoint | " + string.Join(" | ", s_kinds) + " |");
        Console.WriteLine("|---|---|---|---|---|---|" + string.Concat(s_kinds.Select(static _ => "---|")));
        Report("synthetic 100", 100, SyntheticDescriptors.Create(100));
        Report("synthetic 1000", 1000, SyntheticDescriptors.Create(1000));
        foreach (var spec in new[] { "thulium", "livedesk", "ccai-platform" })
        {
            var yaml = File.ReadAllText(Path.Combine(root, "spec", spec + ".endpoints.yaml"));
            Report(spec, CountEndpoints(yaml), new[] { ("/specs/" + spec + ".endpoints.yaml", yaml) });
        }
    }

    // Endpoints are the keys two spaces in under the top-level 'endpoints:' key.
    private static int CountEndpoints(string yaml)
    {
        var count = 0;
        var inside = false;
        foreach (var line in yaml.Split('\n'))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#'))
            {
                inside = line.StartsWith("endpoints:", StringComparison.Ordinal);
                continue;
            }

            if (inside && line.Length > 2 && line.StartsWith("  ", StringComparison.Ordinal) && !char.IsWhiteSpace(line[2]) && line[2] != '#' && line.TrimEnd().EndsWith(':'))
            {
                count++;
            }
        }

        return count;
    }

    private static void Report(string name, int endpoints, IReadOnlyList<(string Path, string Yaml)> files)
    {
        var bytes = new Dictionary<string, long>();
        var lines = new Dictionary<string, long>();
        long totalBytes = 0, totalLines = 0;
        foreach (var (_, text) in Generate(files))
        {
            foreach (var (kind, lineBytes) in Classify(text))
            {
                bytes[kind] = bytes.GetValueOrDefault(kind) + lineBytes;
                lines[kind] = lines.GetValueOrDefault(kind) + 1;
                totalBytes += lineBytes;
                totalLines++;
            }
        }

        var cells = s_kinds.Select(kind => string.Create(CultureInfo.InvariantCulture, $"{bytes.GetValueOrDefault(kind) / (double)endpoints:N0} B ({100.0 * bytes.GetValueOrDefault(kind) / totalBytes:F0} %)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {endpoints} | {totalBytes:N0} | {totalLines:N0} | {totalBytes / (double)endpoints:N0} | {totalLines / (double)endpoints:F1} | {string.Join(" | ", cells)} |"));
    }

    /// <summary>Each line of a generated file with its kind and its length in UTF-8 bytes, its line end included.</summary>
    private static IEnumerable<(string Kind, int Bytes)> Classify(string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text);
        var types = tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>().ToList();
        var sourceText = tree.GetText();
        foreach (var line in sourceText.Lines)
        {
            var content = sourceText.ToString(line.Span);
            var bytes = Encoding.UTF8.GetByteCount(sourceText.ToString(line.SpanIncludingLineBreak));
            var trimmed = content.TrimStart();
            if (trimmed.StartsWith("///", StringComparison.Ordinal))
            {
                yield return ("docs", bytes);
                continue;
            }

            var position = line.Start + (content.Length - trimmed.Length);
            var innermost = types.Where(t => t.FullSpan.Contains(position)).OrderBy(static t => t.FullSpan.Length).FirstOrDefault();
            yield return (KindOf(innermost), bytes);
        }
    }

    private static string KindOf(BaseTypeDeclarationSyntax? type)
    {
        for (var t = type; t is not null; t = t.Parent as BaseTypeDeclarationSyntax)
        {
            if (t.Identifier.Text == "JsonConverter")
            {
                return "converters";
            }
        }

        if (type is null)
        {
            return "other";
        }

        var top = type;
        while (top.Parent is BaseTypeDeclarationSyntax parent)
        {
            top = parent;
        }

        var name = top.Identifier.Text;
        if (name.EndsWith("ClientOptions", StringComparison.Ordinal) || name.EndsWith("ApiException", StringComparison.Ordinal))
        {
            return "options/exception";
        }

        if (top is InterfaceDeclarationSyntax || name.EndsWith("Client", StringComparison.Ordinal) || name.EndsWith("Extensions", StringComparison.Ordinal))
        {
            return "client";
        }

        return name.EndsWith("Parameters", StringComparison.Ordinal) ? "parameters" : "models";
    }

    private static List<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(static p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll"))
            .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(EndpointGen.Runtime.ApiException).Assembly.Location))
            .ToList();

    private static List<(string Hint, string Text)> Generate(IReadOnlyList<(string Path, string Yaml)> files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class P { } }", parse) }, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new EndpointGenerator().AsSourceGenerator() },
            files.Select(static f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Yaml)),
            parse);
        var result = driver.RunGenerators(compilation, CancellationToken.None).GetRunResult().Results.Single();
        if (result.Exception is not null || result.Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("generator failed: " + result.Exception + string.Join("; ", result.Diagnostics));
        }

        return result.GeneratedSources.Select(static s => (s.HintName, s.SourceText.ToString())).ToList();
    }

    private static void CompileTimes(int endpoints, int pairs)
    {
        var generated = Generate(SyntheticDescriptors.Create(endpoints));
        var plain = generated.Select(static g => (g.Hint, PlainModels(g.Text))).ToList();
        var references = References();
        foreach (var mode in new[] { DocumentationMode.None, DocumentationMode.Diagnose })
        {
            var ratios = new List<double>();
            for (var i = 0; i <= pairs; i++)
            {
                var gen = Compile(generated, references, mode);
                var nogen = Compile(plain, references, mode);
                if (i == 0)
                {
                    continue; // warm-up
                }

                ratios.Add(gen / nogen);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"docs {mode}: generated {gen:F2} s, plain {nogen:F2} s CPU, ratio {gen / nogen:F2}, load {Load()}"));
            }

            ratios.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"docs {mode}: median ratio {ratios[ratios.Count / 2]:F2}"));
        }
    }

    private static void CompileParts(int endpoints, int runs)
    {
        var generated = Generate(SyntheticDescriptors.Create(endpoints));
        var references = References();
        var variants = new List<(string Name, List<(string Hint, string Text)> Files)> { ("everything", generated) };
        foreach (var kind in new[] { "converters", "client", "parameters", "models", "options/exception" })
        {
            variants.Add(("without " + kind + " bodies", generated.Select(g => (g.Hint, StubBodies(g.Text, kind))).ToList()));
        }

        variants.Add(("plain models", generated.Select(static g => (g.Hint, PlainModels(g.Text))).ToList()));
        Compile(generated, references, DocumentationMode.None); // warm-up
        var times = variants.ToDictionary(static v => v.Name, static _ => new List<double>());
        for (var run = 0; run < runs; run++)
        {
            // Rotated run by run, so no variant is always the one compiled first (or after the largest).
            for (var i = 0; i < variants.Count; i++)
            {
                var (name, files) = variants[(i + run) % variants.Count];
                times[name].Add(Compile(files, references, DocumentationMode.None));
            }
        }

        var everything = Median(times["everything"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{endpoints} endpoints, median of {runs} compiles (CPU s), load {Load()}:"));
        foreach (var (name, _) in variants)
        {
            var median = Median(times[name]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-36} {median,7:F2} s  (saves {everything - median,6:F2} s)"));
        }
    }

    private static void CompileDirectories(string[] args)
    {
        var runs = 5;
        var dirs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs")
            {
                runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                continue;
            }

            dirs.Add(args[i]);
        }

        var references = References();
        var sets = dirs.Select(static d => Directory.GetFiles(d, "*.cs").OrderBy(static f => f, StringComparer.Ordinal).Select(static f => (Path.GetFileName(f), File.ReadAllText(f))).ToList()).ToList();
        for (var warm = 0; warm < 2; warm++)
        {
            foreach (var set in sets)
            {
                Compile(set, references, DocumentationMode.None); // warm-up (Roslyn's own code reaches its final JIT tier), and a check that it compiles
            }
        }

        var times = sets.Select(static _ => new List<double>()).ToList();
        for (var run = 0; run < runs; run++)
        {
            for (var j = 0; j < sets.Count; j++)
            {
                var i = (j + run) % sets.Count;
                times[i].Add(Compile(sets[i], references, DocumentationMode.None));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {runs} compiles (CPU s), load {Load()}:"));
        for (var i = 0; i < sets.Count; i++)
        {
            var bytes = sets[i].Sum(static f => (long)Encoding.UTF8.GetByteCount(f.Item2));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {dirs[i],-40} min {times[i].Min(),6:F2} s, median {Median(times[i]),6:F2} s, max {times[i].Max(),6:F2} s; {bytes:N0} bytes"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(static v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>The file with every method body, accessor body and initializer inside types of the kind replaced by <c>throw null!</c>.</summary>
    private static string StubBodies(string text, string kind)
    {
        var root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var stub = SyntaxFactory.ParseExpression("throw null!");
        var rewritten = root.ReplaceNodes(
            root.DescendantNodes().Where(node => node is BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or ConstructorInitializerSyntax
                && node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or VariableDeclaratorSyntax or ConstructorDeclarationSyntax
                && node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault() is { } type && KindOf(type) == kind
                && !(node.Parent is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } && field.Modifiers.Any(SyntaxKind.ConstKeyword))
                && !(node is EqualsValueClauseSyntax && node.Parent is not VariableDeclaratorSyntax and not PropertyDeclarationSyntax)),
            (original, _) => original switch
            {
                BlockSyntax => SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(stub)),
                ArrowExpressionClauseSyntax => SyntaxFactory.ArrowExpressionClause(stub),
                EqualsValueClauseSyntax => SyntaxFactory.EqualsValueClause(SyntaxFactory.ParseExpression("default!")),
                ConstructorInitializerSyntax c => c.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(c.ArgumentList.Arguments.Select(static _ => SyntaxFactory.Argument(SyntaxFactory.ParseExpression("default!")))))),
                _ => original,
            });
        return rewritten.ToFullString();
    }

    private static double Compile(IEnumerable<(string Hint, string Text)> files, List<MetadataReference> references, DocumentationMode mode)
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var parse = new CSharpParseOptions(LanguageVersion.Latest, mode);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Hint, Encoding.UTF8))
            .Append(CSharpSyntaxTree.ParseText("namespace App { public static class Program { public static void Main() { } } }", parse, "Program.cs", Encoding.UTF8))
            .ToList();
        var compilation = CSharpCompilation.Create("App", trees, references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: s_debug ? OptimizationLevel.Debug : OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        using var refAssembly = new MemoryStream();

        // ENDPOINTGEN_COMPILE_DEBUG=1: as `dotnet build` compiles by default, a Debug assembly with a portable PDB and
        // a reference assembly beside it.
        var result = s_debug
            ? compilation.Emit(pe, pdb, metadataPEStream: refAssembly, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb, includePrivateMembers: false))
            : compilation.Emit(pe);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        var seconds = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        GC.Collect(); // the next compile starts from the same heap
        return seconds;
    }

    /// <summary>The model types of a generated file as a person would write them: properties only, no JSON code, no docs.</summary>
    private static string PlainModels(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot();
        var ns = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Single().Name.ToString();
        var s = new StringBuilder("#nullable enable\n\nnamespace ").Append(ns).Append(";\n\n");
        foreach (var type in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(static t => t.Parent is BaseNamespaceDeclarationSyntax))
        {
            if (KindOf(type) != "models")
            {
                continue;
            }

            s.Append("public sealed class ").Append(type.Identifier.Text).Append("\n{\n");
            var properties = type.Members.OfType<PropertyDeclarationSyntax>().ToList();
            if (properties.Any(static p => p.Modifiers.Any(SyntaxKind.StaticKeyword)))
            {
                // An open enum: its wire text.
                s.Append("    public string Value { get; init; } = \"\";\n");
            }
            else
            {
                foreach (var p in properties)
                {
                    s.Append("    public ").Append(p.Modifiers.Any(SyntaxKind.RequiredKeyword) ? "required " : string.Empty)
                        .Append(p.Type.ToString()).Append(' ').Append(p.Identifier.Text).Append(" { get; init; }\n");
                }
            }

            s.Append("}\n\n");
        }

        return s.ToString();
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Generator.sln not found");
    }
}
