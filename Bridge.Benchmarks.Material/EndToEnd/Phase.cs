namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>One phase of requests: their ids, first post → last delivery, how many had no delivery, post → delivery percentiles (ms).</summary>
internal sealed record Phase(IReadOnlyList<string> Ids, double Seconds, int Missing, double P50, double P99, double Max);
