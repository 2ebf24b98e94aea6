namespace Bridge.Benchmarks.OpcUa;

/// <summary>Values per second, and CPU milliseconds spent per 10,000 values.</summary>
internal readonly record struct Rate(double PerSecond, double CpuMsPer10k);
