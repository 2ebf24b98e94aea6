namespace Bridge.Benchmarks.OpcUa;

/// <summary>Values per second, CPU milliseconds spent per 10,000 values, and the share of the items' changes received (received / (received + missing in sequence)).</summary>
internal readonly record struct Rate(double PerSecond, double CpuMsPer10k, double InSequence);
