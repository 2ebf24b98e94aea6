using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Tests.Adapters;

namespace Bridge.Tests.OpcUa;

[Trait("Category", "Integration")]
public sealed class OpcUaAdapterConformanceTests : AdapterConformanceTests<OpcUaAdapterOptions>
{
    protected override string Kind => "opcua";

    protected override IBridgeBuilder AddAdapter(IBridgeBuilder builder, string name, Action<OpcUaAdapterOptions>? configure) =>
        builder.AddOpcUaAdapter(name, configure);

    protected override void MakeValid(OpcUaAdapterOptions options) => OpcUaAdapterOptionsValidatorTests.Valid().CopyTo(options);

    protected override void MakeInvalid(OpcUaAdapterOptions options) => options.EndpointUrl = "tcp://x";

    protected override string InvalidMessage(string name) => $"opcua adapter '{name}': endpoint must be an opc.tcp:// URL, was 'tcp://x'";

    protected override void Mark(OpcUaAdapterOptions options, int mark) => options.PublishingIntervalMs = 100 + mark;

    protected override int MarkOf(OpcUaAdapterOptions options) => options.PublishingIntervalMs - 100;

    protected override async Task<IAdapterPeer<OpcUaAdapterOptions>?> StartPeerAsync() =>
        OpcUaTestServer.Url is { } url ? new Peer(url, await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url })) : null;

    /// <summary>The node-opcua server: a test client writes the node the device subscribes to, and reads back what the sender wrote.</summary>
    private sealed class Peer(string url, OpcUaClient client) : IAdapterPeer<OpcUaAdapterOptions>
    {
        private static readonly NodeId In = NodeId.Parse("ns=1;s=Writable.ConformanceIn");
        private static readonly NodeId Out = NodeId.Parse("ns=1;s=Writable.ConformanceOut");

        public void Configure(OpcUaAdapterOptions options)
        {
            options.EndpointUrl = url;
            options.System = "line1-plc";
            options.PublishingIntervalMs = 50;
            options.Nodes = [new OpcUaNodeOptions { Key = "in", NodeId = In.ToString(), MessageType = "conformance", SamplingIntervalMs = 10 }];
            options.Writes = [new OpcUaWriteTargetOptions { Key = "out", BrowsePath = "/Objects/1:Bridge/1:Writable/1:ConformanceOut" }];
        }

        // Written before or after the device subscribed, the marker arrives: as the initial value or as a change.
        public async Task ProduceInboundAsync(IServiceProvider adapter, string marker) =>
            (await client.WriteValueAsync(In, Variant.From(marker))).IsGood.ShouldBeTrue();

        public OutboundEnvelope Outbound(string marker) => new(
            "line1-plc", Out.ToString(), "text/plain", Encoding.UTF8.GetBytes(marker), new Dictionary<string, string>(),
            new Dictionary<string, string>(), new Dictionary<string, string>(), "key-" + marker);

        public async Task AssertReceivedAsync(string marker) =>
            (await client.ReadValuesAsync([Out]))[0].Value.Value.ShouldBe(marker);

        public ValueTask DisposeAsync() => client.DisposeAsync();
    }
}
