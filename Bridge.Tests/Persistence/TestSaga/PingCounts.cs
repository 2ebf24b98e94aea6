using System.Collections.Concurrent;

namespace Bridge.Tests.Persistence.TestSaga;

public sealed class PingCounts
{
    public ConcurrentDictionary<int, int> Seen { get; } = new();
}
