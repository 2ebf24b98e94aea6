namespace Bridge.Faults.Flood;

/// <summary>The host's memory right after a full compacting collection: resident, and the GC heap (what is alive).</summary>
public sealed record MemoryFloor(double RssMb, double HeapMb)
{
    /// <summary>True when this floor (a later pass's) is above <paramref name="limit"/> times <paramref name="first"/> in RSS or heap.</summary>
    public bool Exceeds(MemoryFloor first, double limit) => RssMb > first.RssMb * limit || HeapMb > first.HeapMb * limit;
}
