using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Tests.Adapters;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bridge.Tests.OpcUa;

/// <summary>The OPC UA sender against the node-opcua server over a real socket: what it writes, and which failures are permanent.</summary>
[Trait("Category", "Integration")]
public sealed class OpcUaOutboundSenderTests
{
    private static readonly NodeId Target = NodeId.Parse("ns=1;s=Writable.SenderTarget");
    private static readonly NodeId Count = NodeId.Parse("ns=1;s=Writable.SenderCount");

    [Fact]
    public async Task Envelope_IsWrittenToItsTarget_ByNodeIdOrKey_ConvertedToTheNodesType()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        await using var device = await StartAsync(url);
        var sender = new OpcUaOutboundSender(device, NullLogger.Instance);
        var job = "JOB-" + Guid.NewGuid().ToString("N")[..8];

        await sender.SendAsync(Envelope(Target.ToString(), job), CancellationToken.None);
        await sender.SendAsync(Envelope("count", " 42 "), CancellationToken.None);

        await using var reader = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url });
        var values = await reader.ReadValuesAsync([Target, Count]);
        values[0].Value.Value.ShouldBe(job);
        values[1].Value.Value.ShouldBe(42);
    }

    [Fact]
    public async Task NodeThatIsNotAWriteTarget_IsRefusedForGood_EvenIfTheServerHasIt()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        await using var device = await StartAsync(url);
        var sender = new OpcUaOutboundSender(device, NullLogger.Instance);
        var error = await Should.ThrowAsync<OpcUaAdapterException>(() => sender.SendAsync(Envelope("ns=1;s=Writable.Ack", "true"), CancellationToken.None));
        error.Permanent.ShouldBeTrue();
        error.StatusCode!.Value.Name.ShouldBe("BadNodeIdUnknown");
        error.Message.ShouldContain("device 'sender-test', target 'ns=1;s=Writable.Ack'");
        error.Message.ShouldContain("configured: target, count, read-only");
    }

    [Fact]
    public async Task ValueThatDoesNotFitTheNodesType_IsRefusedForGood()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        await using var device = await StartAsync(url);
        var sender = new OpcUaOutboundSender(device, NullLogger.Instance);
        var error = await Should.ThrowAsync<OpcUaAdapterException>(() => sender.SendAsync(Envelope("count", "forty-two"), CancellationToken.None));
        error.Permanent.ShouldBeTrue();
        error.StatusCode!.Value.Name.ShouldBe("BadTypeMismatch");
        error.Message.ShouldContain("'forty-two' is not a valid Int32");
    }

    [Fact]
    public async Task NodeTheServerWillNotLetBeWritten_IsRefusedForGood_WithTheServersStatus()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        await using var device = await StartAsync(url);
        var sender = new OpcUaOutboundSender(device, NullLogger.Instance);
        var error = await Should.ThrowAsync<OpcUaAdapterException>(() => sender.SendAsync(Envelope("read-only", "0.5"), CancellationToken.None));
        error.Permanent.ShouldBeTrue();
        error.StatusCode!.Value.IsBad.ShouldBeTrue();
        error.Message.ShouldContain("the server answered");
    }

    [Fact]
    public async Task DeviceNotConnectedYet_IsATransientFailure()
    {
        await using var device = new OpcUaDevice("idle", Options("opc.tcp://127.0.0.1:1/"), new RecordingEnvelopeSink(), NullLoggerFactory.Instance, TimeProvider.System);
        var sender = new OpcUaOutboundSender(device, NullLogger.Instance);
        var error = await Should.ThrowAsync<OpcUaAdapterException>(() => sender.SendAsync(Envelope("target", "x"), CancellationToken.None));
        error.Permanent.ShouldBeFalse();
        error.StatusCode!.Value.Name.ShouldBe("BadNotConnected");
    }

    [Fact]
    public async Task BodyThatIsNotUtf8_IsRefusedForGood()
    {
        await using var device = new OpcUaDevice("idle", Options("opc.tcp://127.0.0.1:1/"), new RecordingEnvelopeSink(), NullLoggerFactory.Instance, TimeProvider.System);
        var sender = new OpcUaOutboundSender(device, NullLogger.Instance);
        var envelope = Envelope("target", "") with { Body = new byte[] { 0xC3, 0x28 } };
        var error = await Should.ThrowAsync<OpcUaAdapterException>(() => sender.SendAsync(envelope, CancellationToken.None));
        error.Permanent.ShouldBeTrue();
        error.Message.ShouldContain("not UTF-8");
    }

    private static async Task<OpcUaDevice> StartAsync(string url)
    {
        var device = new OpcUaDevice("sender-test", Options(url), new RecordingEnvelopeSink(), NullLoggerFactory.Instance, TimeProvider.System);
        await device.StartAsync(CancellationToken.None);
        return device;
    }

    private static OpcUaAdapterOptions Options(string url) => new()
    {
        EndpointUrl = url,
        Writes =
        [
            new OpcUaWriteTargetOptions { Key = "target", NodeId = Target.ToString() },
            new OpcUaWriteTargetOptions { Key = "count", BrowsePath = "/Objects/1:Bridge/1:Writable/1:SenderCount" },
            new OpcUaWriteTargetOptions { Key = "read-only", NodeId = "ns=1;s=Writable.ReadOnly" },
        ],
    };

    private static OutboundEnvelope Envelope(string address, string body) => new(
        "line1-plc", address, "text/plain", Encoding.UTF8.GetBytes(body), new Dictionary<string, string>(),
        new Dictionary<string, string>(), new Dictionary<string, string>(), "key-1");
}
