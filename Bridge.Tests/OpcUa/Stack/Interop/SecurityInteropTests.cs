using Bridge.Adapters.OpcUa.Stack;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Security;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;

namespace Bridge.Tests.OpcUa.Stack.Interop;

/// <summary>Bridge's client against node-opcua's secured endpoints: every policy and mode, trust both ways.</summary>
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
}
