using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Emitting;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing;
using EndpointGen.Generator.Parsing.Yaml;
using YamlDotNet.Core;

namespace EndpointGen.Benchmarks.Generator;

/// <summary>
/// Where a cold run's bytes go, stage by stage, over the synthetic descriptors: YamlDotNet's scanner, its parser, the
/// YAML tree, the descriptor reader, the emitter (<c>--cold-stages N [runs]</c>; docs/performance.md, "Where a cold
/// run allocates"). Each stage includes the ones before it, as the generator runs them; allocations are exact.
/// </summary>
internal static class ColdStages
{
    public static void Run(int endpoints, int runs)
    {
        var files = SyntheticDescriptors.Create(endpoints);
        var facts = new CompilationFacts(false, false, false, false) { HasDateOnly = true };
        Measure("YamlDotNet scanner (tokens)", runs, () =>
        {
            foreach (var (_, yaml) in files)
            {
                var scanner = new Scanner(new StringReader(yaml));
                while (scanner.MoveNext())
                {
                }
            }
        });
        Measure("YamlDotNet parser (events)", runs, () =>
        {
            foreach (var (_, yaml) in files)
            {
                var parser = new Parser(new StringReader(yaml));
                while (parser.MoveNext())
                {
                }
            }
        });
        Measure("YamlTreeReader.Read (tree)", runs, () =>
        {
            foreach (var (path, yaml) in files)
            {
                YamlTreeReader.Read(path, yaml, new List<DiagnosticInfo>());
            }
        });
        var services = new List<ServiceSpec>();
        Measure("DescriptorParser.Parse (model)", runs, () =>
        {
            services.Clear();
            foreach (var (path, yaml) in files)
            {
                services.Add(DescriptorParser.Parse(path, yaml, null).Service ?? throw new InvalidOperationException(path + " has errors"));
            }
        });
        long output = 0;
        Measure("ServiceEmitter.Emit (output)", runs, () =>
        {
            output = 0;
            foreach (var service in services)
            {
                output += ServiceEmitter.Emit(service, EmitOptions.Default, facts).Length;
            }
        });
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} endpoints: {1:N0} characters of YAML, {2:N0} characters generated",
            endpoints, files.Sum(static f => (long)f.Yaml.Length), output));
    }

    private static void Measure(string stage, int runs, Action run)
    {
        for (var i = 0; i < 5; i++)
        {
            run();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            run();
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} B per run", stage, (GC.GetAllocatedBytesForCurrentThread() - before) / runs));
    }
}
