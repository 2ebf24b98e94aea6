using Bridge.Adapters.OpcUa.Stack;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Security;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;

namespace Bridge.Tests.OpcUa.Stack.Interop;

/// <summary>Bridge's client against node-opcua's secured endpoints: every policy and mode, trust both ways.</summary>
// These classes all write the test server's one Writable.JobNumber node: they take turns.
[Collection("opcua-writable-jobnumber")]
[Trait("Category", "Integration")]
public class SecurityInteropTests
{
    public static TheoryData<string, string> PoliciesAndModes()
    {
        var data = new TheoryData<string, string>();
        foreach (var policy in new[] { "Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss" })
        {
            data.Add(policy, "Sign");
            data.Add(policy, "SignAndEncrypt");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PoliciesAndModes))]
    public async Task EveryPolicyAndMode_BrowseReadWriteSubscribe(string policy, string mode)
    {
        using var pki = await SecuredTestClient.CreateAsync();
        if (pki is null)
        {
            return;
        }
        await using var client = await OpcUaClient.ConnectAsync(pki.Options(policy, mode));
        client.Endpoint.SecurityPolicyUri.ShouldEndWith("#" + policy);
        client.Endpoint.SecurityMode.ToString().ShouldBe(mode);
        client.Session.Channel.SecurityMode.ToString().ShouldBe(mode);

        var children = await client.BrowseAsync(NodeId.Parse("ns=1;s=Bridge"));
        children.Select(c => c.BrowseName.Name).ShouldContain("Counters");
        var text = $"{policy}/{mode}/{Guid.NewGuid():N}";
        (await client.WriteValueAsync(NodeId.Parse("ns=1;s=Writable.JobNumber"), Variant.From(text))).IsGood.ShouldBeTrue();
        (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Writable.JobNumber")]))[0].Value.Value.ShouldBe(text);

        var values = new TaskCompletionSource<ValueChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await client.CreateSubscriptionAsync(new SubscriptionSettings { PublishingInterval = TimeSpan.FromMilliseconds(100) }, v => values.TrySetResult(v));
        await subscription.AddItemsAsync([new MonitoredItemRequest(NodeId.Parse("ns=1;s=Counters.Fast"))]);
        (await values.Task.WaitAsync(TimeSpan.FromSeconds(10))).Value.StatusCode.IsGood.ShouldBeTrue();
    }

    [Fact]
    public async Task Best_PicksSignAndEncryptWithTheStrongestPolicy()
    {
        using var pki = await SecuredTestClient.CreateAsync();
        if (pki is null)
        {
            return;
        }
        await using var client = await OpcUaClient.ConnectAsync(pki.Options("Best", "Best"));
        client.Endpoint.SecurityPolicyUri.ShouldBe(SecurityPolicyUris.Aes256Sha256RsaPss);
        client.Endpoint.SecurityMode.ShouldBe(MessageSecurityMode.SignAndEncrypt);
    }

    [Fact]
    public async Task UntrustedClient_IsRefusedByTheServer()
    {
        using var pki = await SecuredTestClient.CreateAsync(trustedByServer: false);
        if (pki is null)
        {
            return;
        }
        var error = await Should.ThrowAsync<OpcUaException>(() => OpcUaClient.ConnectAsync(pki.Options("Basic256Sha256", "SignAndEncrypt")));
        error.StatusCode.IsBad.ShouldBeTrue();
    }

    [Fact]
    public async Task UntrustedServer_IsRefusedAndCopiedToRejected_ThenAcceptedOnceTrusted()
    {
        using var pki = await SecuredTestClient.CreateAsync(trustServer: false);
        if (pki is null)
        {
            return;
        }
        var error = await Should.ThrowAsync<OpcUaException>(() => OpcUaClient.ConnectAsync(pki.Options("Basic256Sha256", "SignAndEncrypt")));
        error.StatusCode.Name.ShouldBe("BadCertificateUntrusted");
        error.Message.ShouldContain("bridge opcua cert trust");
        var rejected = pki.Pki.Rejected().ShouldHaveSingleItem();
        pki.Pki.Trust(rejected);
        await using var client = await OpcUaClient.ConnectAsync(pki.Options("Basic256Sha256", "SignAndEncrypt"));
        client.IsConnected.ShouldBeTrue();
        pki.Pki.Rejected().ShouldBeEmpty();
    }

    [Fact]
    public async Task PolicyTheServerDoesNotOffer_ErrorNamesTheOfferedEndpoints()
    {
        using var pki = await SecuredTestClient.CreateAsync();
        if (pki is null)
        {
            return;
        }
        var error = await Should.ThrowAsync<OpcUaException>(() => OpcUaClient.ConnectAsync(pki.Options("Basic256Sha256", "Sign") with
        {
            Security = new ClientSecurityOptions { Policy = "Basic256Sha256", Mode = "Encrypt", PkiDir = pki.Pki.Root },
        }));
        error.Message.ShouldContain("Unknown security mode");
    }

    [Fact]
    public async Task SecuredChannel_RenewsWithNewKeys()
    {
        using var pki = await SecuredTestClient.CreateAsync();
        if (pki is null)
        {
            return;
        }
        var options = pki.Options("Basic256Sha256", "SignAndEncrypt");
        await using var client = await OpcUaClient.ConnectAsync(options with { Channel = options.Channel with { RequestedLifetime = TimeSpan.FromSeconds(3) } });
        var firstToken = client.Session.Channel.TokenId;
        var firstKeys = client.Session.Channel.CurrentKeys!.ClientSigningKey;
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        client.Session.Channel.TokenId.ShouldNotBe(firstToken);
        client.Session.Channel.CurrentKeys!.ClientSigningKey.ShouldNotBe(firstKeys);
        (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Counters.Fast")]))[0].StatusCode.IsGood.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Sign")]
    [InlineData("SignAndEncrypt")]
    public async Task TamperedChunk_IsRejected_ChannelBreaks_ClientReconnectsWithoutCrash(string mode)
    {
        using var pki = await SecuredTestClient.CreateAsync();
        if (pki is null)
        {
            return;
        }
        await using var proxy = new TamperingProxy(pki.Url);
        var events = new List<ConnectionEvent>();
        var options = pki.Options("Basic256Sha256", mode) with { EndpointUrl = proxy.Url, Reconnect = true };
        await using var client = await OpcUaClient.ConnectAsync(options);
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionChanged += e =>
        {
            lock (events)
            {
                events.Add(e);
            }
            if (e.State == ConnectionState.Connected)
            {
                restored.TrySetResult();
            }
        };
        var brokenChannel = client.Session.Channel;
        proxy.TamperNextMessage();
        await Should.ThrowAsync<OpcUaException>(() => client.ReadValuesAsync([NodeId.Parse("ns=1;s=Counters.Fast")]));
        await proxy.Tampered;
        var reason = await brokenChannel.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        reason.ShouldBeOfType<Bridge.Adapters.OpcUa.Stack.Transport.OpcUaConnectionException>().StatusCode.Name.ShouldBe("BadSecurityChecksFailed");
        await restored.Task.WaitAsync(TimeSpan.FromSeconds(20));
        (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Counters.Fast")]))[0].StatusCode.IsGood.ShouldBeTrue();
    }

    [Fact]
    public async Task UserNameOverSignAndEncrypt_PasswordEncryptedForThePolicy()
    {
        using var pki = await SecuredTestClient.CreateAsync();
        if (pki is null)
        {
            return;
        }
        await using var client = await OpcUaClient.ConnectAsync(pki.Options("Aes256_Sha256_RsaPss", "SignAndEncrypt") with { Identity = Bridge.Adapters.OpcUa.Stack.Session.UserIdentity.FromUserName("operator", "secret") });
        (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Counters.Fast")]))[0].StatusCode.IsGood.ShouldBeTrue();
        await Should.ThrowAsync<OpcUaServiceException>(() => OpcUaClient.ConnectAsync(pki.Options("Basic256Sha256", "Sign") with { Identity = Bridge.Adapters.OpcUa.Stack.Session.UserIdentity.FromUserName("operator", "wrong") }));
    }

    [Theory]
    [InlineData("Basic256Sha256")]
    [InlineData("Aes256_Sha256_RsaPss")]
    public async Task X509User_LogsInWithASignedNonce(string policy)
    {
        using var pki = await SecuredTestClient.CreateAsync();
        if (pki is null)
        {
            return;
        }
        using var user = ApplicationCertificate.Create("urn:bridge:user:alice", "alice", "localhost", DateTimeOffset.UtcNow, TimeSpan.FromDays(30));
        await using var client = await OpcUaClient.ConnectAsync(pki.Options(policy, "SignAndEncrypt") with { Identity = Bridge.Adapters.OpcUa.Stack.Session.UserIdentity.FromCertificate(user) });
        client.IsConnected.ShouldBeTrue();
        (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Counters.Fast")]))[0].StatusCode.IsGood.ShouldBeTrue();
    }
}
