namespace Bridge.Tests.Faults;

/// <summary>
/// Tests that read this process's GC heap run alone: a test beside them keeps its own objects alive between two
/// readings (seen once: +136 MB of another test's data in a 35 s wait).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "Process memory";
}
