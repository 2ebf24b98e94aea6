namespace Bridge.Benchmarks.OpcUa;

/// <summary>One client under test: subscribed to every item, counting the value changes it receives.</summary>
internal interface ISubscriber : IAsyncDisposable
{
    string Name { get; }

    Sample Read();
}
