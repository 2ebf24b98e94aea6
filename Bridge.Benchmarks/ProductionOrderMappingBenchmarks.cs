using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Bridge.Contracts.Messages;
using Bridge.Mappings;

namespace Bridge.Benchmarks;

/// <summary>
/// One 50-line ERP production order mapped to ProductionOrderReleased three ways: Bridge's compiled YAML mapping,
/// hand-written System.Text.Json code, and the same mapping as a JavaScript function in Jint.
/// </summary>
[Config(typeof(Config))]
public class ProductionOrderMappingBenchmarks
{
    private static readonly Dictionary<string, string> NoMetadata = new();
    private ReadOnlyMemory<byte> _payload;
    private InboundMapping _compiled = null!;
    private HandWrittenProductionOrderMapper _handWritten = null!;
    private JintProductionOrderMapper _jint = null!;

    [Params(50)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var config = FindConfig();
        var loaded = MappingSet.LoadDirectory(config);
        _compiled = loaded.Set?.FindInbound("erp", "production-order") ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
        _payload = BenchmarkPayload.Create(Lines);
        var materials = File.ReadAllLines(Path.Combine(config, "mappings", "erp", "tables", "material-xref.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);
        var plants = new Dictionary<string, string> { ["1000"] = "BER", ["2000"] = "SHA" };
        var units = new Dictionary<string, string> { ["ST"] = "pcs", ["G"] = "g", ["M"] = "m", ["KG"] = "kg" };
        _handWritten = new HandWrittenProductionOrderMapper(materials, plants, units, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        _jint = new JintProductionOrderMapper(materials, plants, units);
        Check();
    }

    [Benchmark(Description = "Bridge compiled YAML mapping")]
    public ProductionOrderReleased Compiled() => (ProductionOrderReleased)_compiled.Map(_payload, "application/json", NoMetadata).Messages[0].Message;

    [Benchmark(Baseline = true, Description = "Hand-written System.Text.Json")]
    public ProductionOrderReleased HandWritten() => _handWritten.Map(_payload);

    [Benchmark(Description = "JavaScript function in Jint")]
    public ProductionOrderReleased Jint() => _jint.Map(_payload);

    /// <summary>All three must produce the same order, or the comparison means nothing.</summary>
    private void Check()
    {
        var a = Compiled();
        var b = HandWritten();
        var c = Jint();
        foreach (var other in new[] { b, c })
        {
            if (a.OrderId != other.OrderId || a.MessageId != other.MessageId || a.Quantity != other.Quantity || a.DueAt != other.DueAt ||
                a.Bom.Count != other.Bom.Count || !a.Bom.Zip(other.Bom).All(p => p.First.Material == p.Second.Material && p.First.QuantityPer == p.Second.QuantityPer && p.First.ScrapPercent == p.Second.ScrapPercent && p.First.Unit == p.Second.Unit))
            {
                throw new InvalidOperationException("the three mappers disagree; the benchmark would compare different work");
            }
        }
    }

    internal static string FindConfig()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bridge.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Bridge.sln not found"), "config");
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // More iterations than ShortRun: the machine is shared, and the median of 12 rounds is steadier than 3.
            AddJob(Job.ShortRun.WithIterationCount(12).WithWarmupCount(4).WithToolchain(InProcessEmitToolchain.Instance));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(new MessagesPerSecondColumn());
        }
    }
}
