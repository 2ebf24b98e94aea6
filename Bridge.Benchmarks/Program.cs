using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Bridge.Benchmarks.ProductionOrderMappingBenchmarks).Assembly).Run(args);
