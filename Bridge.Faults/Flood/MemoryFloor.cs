namespace Bridge.Faults.Flood;

/// <summary>The host's memory right after a full compacting collection: resident, and the GC heap (what is alive).</summary>
public sealed record MemoryFloor(double RssMb, double HeapMb);
