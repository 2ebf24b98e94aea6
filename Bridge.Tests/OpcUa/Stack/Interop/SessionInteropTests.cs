using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Session;

namespace Bridge.Tests.OpcUa.Stack.Interop;

// These classes all write the test server's one Writable.JobNumber node: they take turns.
[Collection("opcua-writable-jobnumber")]
[Trait("Category", "Integration")]
public class SessionInteropTests
{
    [Fact]
    public async Task UserName_GoodPassword_ActivatesSession()
    {
        await using var client = await OpcUaTestServer.ConnectAsync(UserIdentity.FromUserName("operator", "secret"));
        if (client is null)
        {
            return;
        }
        client.IsConnected.ShouldBeTrue();
        (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Counters.Fast")]))[0].StatusCode.IsGood.ShouldBeTrue();
    }

    [Fact]
    public async Task UserName_BadPassword_IsRejectedWithStatus()
    {
        var url = OpcUaTestServer.Url;
        if (url is null)
        {
            return;
        }
        var error = await Should.ThrowAsync<OpcUaServiceException>(() =>
            OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url, Identity = UserIdentity.FromUserName("operator", "wrong") }));
        error.Service.ShouldBe("ActivateSession");
        error.StatusCode.Name.ShouldBeOneOf("BadUserAccessDenied", "BadIdentityTokenRejected", "BadIdentityTokenInvalid");
    }

    [Fact]
    public async Task SecureChannel_RenewsTokenBeforeLifetimeExpires()
    {
        var url = OpcUaTestServer.Url;
        if (url is null)
        {
            return;
        }
        await using var client = await OpcUaClient.ConnectAsync(new OpcUaClientOptions
        {
            EndpointUrl = url,
            Channel = new SecureChannelOptions { RequestedLifetime = TimeSpan.FromSeconds(4) },
        });
        var firstToken = client.Session.Channel.TokenId;
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        client.Session.Channel.TokenId.ShouldNotBe(firstToken);
        client.Session.Channel.IsOpen.ShouldBeTrue();
        (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Counters.Fast")]))[0].StatusCode.IsGood.ShouldBeTrue();
    }

    [Fact]
    public async Task SmallBuffers_SplitRequestsAndResponsesIntoChunks()
    {
        var url = OpcUaTestServer.Url;
        if (url is null)
        {
            return;
        }
        await using var client = await OpcUaClient.ConnectAsync(new OpcUaClientOptions
        {
            EndpointUrl = url,
            Transport = new Bridge.Adapters.OpcUa.Stack.Transport.TransportLimits { ReceiveBufferSize = 8192, SendBufferSize = 8192 },
        });
        client.Session.Channel.Limits.SendChunkSize.ShouldBe(8192u);
        var job = new string('J', 30_000);
        (await client.WriteValueAsync(NodeId.Parse("ns=1;s=Writable.JobNumber"), Variant.From(job))).IsGood.ShouldBeTrue();
        (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Writable.JobNumber")]))[0].Value.Value.ShouldBe(job);
    }

    [Fact]
    public async Task ResponseLargerThanMaxMessageSize_FailsThatRequestOnly()
    {
        var url = OpcUaTestServer.Url;
        if (url is null)
        {
            return;
        }
        await using (var writer = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url }))
        {
            (await writer.WriteValueAsync(NodeId.Parse("ns=1;s=Writable.JobNumber"), Variant.From(new string('x', 100_000)))).IsGood.ShouldBeTrue();
        }
        await using var client = await OpcUaClient.ConnectAsync(new OpcUaClientOptions
        {
            EndpointUrl = url,
            Transport = new Bridge.Adapters.OpcUa.Stack.Transport.TransportLimits { MaxMessageSize = 64 * 1024 },
        });
        var error = await Should.ThrowAsync<Bridge.Adapters.OpcUa.Stack.OpcUaException>(() => client.ReadValuesAsync([NodeId.Parse("ns=1;s=Writable.JobNumber")]));
        error.StatusCode.Name.ShouldBeOneOf("BadResponseTooLarge", "BadEncodingLimitsExceeded", "BadTcpMessageTooLarge");
        (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Counters.Fast")]))[0].StatusCode.IsGood.ShouldBeTrue();
        await using var cleanup = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url });
        await cleanup.WriteValueAsync(NodeId.Parse("ns=1;s=Writable.JobNumber"), Variant.From(""));
    }
}
