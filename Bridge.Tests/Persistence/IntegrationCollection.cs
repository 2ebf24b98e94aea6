namespace Bridge.Tests.Persistence;

/// <summary>
/// Tests that build whole hosts run one at a time: Hangfire keeps its configuration in static state, and the
/// hosts share queues on one broker.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostCollection
{
    public const string Name = "Bridge hosts";
}
