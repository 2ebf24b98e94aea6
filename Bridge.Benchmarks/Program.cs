using BenchmarkDotNet.Running;
using Bridge.Benchmarks;

if (args.Contains("--quick"))
{
    QuickCheck.Run();
    return;
}
if (args.Contains("--documents"))
{
    DocumentScaleCheck.Run();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ProductionOrderMappingBenchmarks).Assembly).Run(args);
