using Bridge.Faults.Harness;

namespace Bridge.Faults.Scenarios;

/// <summary>One window of R7: when it started, the host's highest RSS in it, Bridge's tables at its end, and the latency of the requests posted in it.</summary>
public sealed record SoakWindow(DateTimeOffset Start, long RssMb, TableCensus Census, double P50Ms = 0, double P99Ms = 0, int Requests = 0);
