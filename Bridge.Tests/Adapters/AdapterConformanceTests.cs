using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bridge.Tests.Adapters;

/// <summary>
/// What every adapter does, checked the same way for each (HTTP, OPC UA; MQTT and AMQP derive from it too):
/// its <c>Add…Adapter</c> extension returns the builder and registers a keyed <see cref="IEnvelopeSender"/> under
/// <see cref="AdapterKey.For"/>(kind, name); two named instances keep their own options and senders; invalid options
/// stop the host from starting, naming the instance; and envelopes make the round trip with a real peer — what the
/// peer produces comes out of the adapter's inbound side into an <see cref="IEnvelopeSink"/>, and an envelope given
/// to the sender reaches the peer.
/// </summary>
public abstract class AdapterConformanceTests<TOptions>
    where TOptions : class
{
    private static readonly TimeSpan RoundTripTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The adapter kind in service keys and envelopes: <c>http</c>, <c>opcua</c>.</summary>
    protected abstract string Kind { get; }

    /// <summary>Calls the adapter's <c>Add…Adapter</c> extension.</summary>
    protected abstract IBridgeBuilder AddAdapter(IBridgeBuilder builder, string name, Action<TOptions>? configure);

    /// <summary>Makes the options valid (the least the adapter needs).</summary>
    protected abstract void MakeValid(TOptions options);

    /// <summary>Breaks one setting of otherwise valid options.</summary>
    protected abstract void MakeInvalid(TOptions options);

    /// <summary>What the validation failure of <see cref="MakeInvalid"/> says for instance <paramref name="name"/>.</summary>
    protected abstract string InvalidMessage(string name);

    /// <summary>Writes <paramref name="mark"/> into a setting that tells two instances apart.</summary>
    protected abstract void Mark(TOptions options, int mark);

    protected abstract int MarkOf(TOptions options);

    /// <summary>Starts the real peer; null when its server is absent (and not required by ./test.sh).</summary>
    protected abstract Task<IAdapterPeer<TOptions>?> StartPeerAsync();

    [Fact]
    public void AddAdapter_ReturnsTheBuilder_AndRegistersASenderKeyedByKindAndName()
    {
        using var host = Build((builder, _) => AddAdapter(builder, "one", MakeValid).ShouldBeSameAs(builder));
        host.Services.GetRequiredKeyedService<IEnvelopeSender>(AdapterKey.For(Kind, "one")).ShouldNotBeNull();
        host.Services.GetKeyedService<IEnvelopeSender>(AdapterKey.For(Kind, "two")).ShouldBeNull();
        host.Services.GetKeyedService<IEnvelopeSender>("one").ShouldBeNull();
    }

    [Fact]
    public void TwoNamedInstances_KeepTheirOwnOptionsAndSenders()
    {
        using var host = Build((builder, _) =>
        {
            AddAdapter(builder, "a", o => { MakeValid(o); Mark(o, 1); });
            AddAdapter(builder, "b", o => { MakeValid(o); Mark(o, 2); });
        });
        var options = host.Services.GetRequiredService<IOptionsMonitor<TOptions>>();
        MarkOf(options.Get("a")).ShouldBe(1);
        MarkOf(options.Get("b")).ShouldBe(2);
        var a = host.Services.GetRequiredKeyedService<IEnvelopeSender>(AdapterKey.For(Kind, "a"));
        var b = host.Services.GetRequiredKeyedService<IEnvelopeSender>(AdapterKey.For(Kind, "b"));
        a.ShouldNotBeSameAs(b);
        host.Services.GetRequiredKeyedService<IEnvelopeSender>(AdapterKey.For(Kind, "a")).ShouldBeSameAs(a);
    }

    [Fact]
    public async Task InvalidOptions_StopTheHostFromStarting_NamingTheInstance()
    {
        using var host = Build((builder, _) =>
        {
            AddAdapter(builder, "good", MakeValid);
            AddAdapter(builder, "broken", o => { MakeValid(o); MakeInvalid(o); });
        });
        var error = await Should.ThrowAsync<Exception>(() => host.StartAsync());
        error.Message.ShouldContain(InvalidMessage("broken"));
        error.Message.ShouldNotContain(InvalidMessage("good"));
    }

    [Fact]
    public async Task Envelopes_MakeTheRoundTrip_ThroughARealPeer()
    {
        await using var peer = await StartPeerAsync();
        if (peer is null)
        {
            return;
        }
        var sink = new RecordingEnvelopeSink();
        using var host = Build((builder, _) => AddAdapter(builder, "peer", o => { MakeValid(o); peer.Configure(o); }), sink);
        await host.StartAsync();
        try
        {
            // Inbound first: for an adapter that connects in the background, an envelope coming in shows it is up.
            var inbound = "in-" + Guid.NewGuid().ToString("N");
            await peer.ProduceInboundAsync(host.Services, inbound);
            var envelope = await sink.WaitForBodyAsync(inbound, RoundTripTimeout);
            envelope.Adapter.ShouldBe(Kind);

            var outbound = "out-" + Guid.NewGuid().ToString("N");
            var sender = host.Services.GetRequiredKeyedService<IEnvelopeSender>(AdapterKey.For(Kind, "peer"));
            await sender.SendAsync(peer.Outbound(outbound), CancellationToken.None);
            await peer.AssertReceivedAsync(outbound);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost Build(Action<IBridgeBuilder, RecordingEnvelopeSink> configure, RecordingEnvelopeSink? sink = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        sink ??= new RecordingEnvelopeSink();
        builder.Services.AddSingleton<IEnvelopeSink>(sink);
        configure(new BridgeBuilder(builder.Services), sink);
        return builder.Build();
    }
}
