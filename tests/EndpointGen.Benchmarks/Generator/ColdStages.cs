using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
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
/// run allocates"). Each stage includes the ones before it, as the generator runs them (but the reader alone, over
/// trees read once); allocations are exact.
/// </summary>
internal static class ColdStages
{
    private static bool s_types;

    /// <param name="endpoints">Synthetic endpoints.</param>
    /// <param name="runs">Measured runs of each stage.</param>
    /// <param name="types">Whether to print each stage's largest allocated types too (sampled; <c>--cold-stages N runs types</c>).</param>
    public static void Run(int endpoints, int runs, bool types = false)
    {
        s_types = types;
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
        // The reader alone, over trees read once: what the model costs beyond the tree.
        var trees = files.Select(static f => (f.Path, YamlTreeReader.Read(f.Path, f.Yaml, new List<DiagnosticInfo>()) ?? throw new InvalidOperationException(f.Path))).ToList();
        Measure("DescriptorReader.Read alone (model only)", runs, () =>
        {
            foreach (var (path, tree) in trees)
            {
                new DescriptorReader(path, null, new List<DiagnosticInfo>()).Read(tree);
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
        if (s_types)
        {
            // The runtime samples about one allocation per 100 KB with its type: shares, not exact bytes.
            var byType = new Dictionary<string, long>(StringComparer.Ordinal);
            using (new AllocationSampler(byType))
            {
                for (var i = 0; i < 10; i++)
                {
                    run();
                }
            }

            var total = byType.Values.Sum();
            foreach (var type in byType.OrderByDescending(static t => t.Value).Take(12))
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "    {0,5:F1} % {1}", type.Value * 100.0 / total, type.Key));
            }
        }
    }

    /// <summary>The runtime's allocation samples (GCAllocationTick), summed by type.</summary>
    private sealed class AllocationSampler : EventListener
    {
        private readonly Dictionary<string, long> _byType;

        public AllocationSampler(Dictionary<string, long> byType) => _byType = byType;

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                // Keyword 0x1 is GC, whose verbose level includes GCAllocationTick.
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null || eventData.PayloadNames is null)
            {
                return;
            }

            var type = eventData.Payload[eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var bytes = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
            lock (_byType)
            {
                _byType[type] = (_byType.TryGetValue(type, out var sum) ? sum : 0) + bytes;
            }
        }
    }
}
