using Bridge.Adapters.Envelopes;

namespace Bridge.Tests.Adapters;

/// <summary>The real server an adapter talks to in its conformance round trip (a loopback Kestrel, the node-opcua server, a broker).</summary>
public interface IAdapterPeer<in TOptions> : IAsyncDisposable
{
    /// <summary>Points the adapter's options at this peer.</summary>
    void Configure(TOptions options);

    /// <summary>Makes the adapter's inbound side receive something whose body carries <paramref name="marker"/>.</summary>
    Task ProduceInboundAsync(IServiceProvider adapter, string marker);

    /// <summary>An envelope for the adapter's sender, addressed to this peer and carrying <paramref name="marker"/>.</summary>
    OutboundEnvelope Outbound(string marker);

    /// <summary>Returns once the peer holds what <see cref="Outbound"/> carried; fails when it holds something else.</summary>
    Task AssertReceivedAsync(string marker);
}
