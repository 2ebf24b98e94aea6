using System.Text;
using Bridge.Adapters.OpcUa.Stack.Security;

namespace Bridge.Tests.OpcUa.Stack.Security;

public class PSha256Tests
{
    /// <summary>The TLS 1.2 PRF test vector for P_SHA256 published on the IETF TLS working group list (msg03416): P_SHA256(secret, label + seed).</summary>
    [Fact]
    public void Derive_MatchesThePublishedTls12Vector()
    {
        var secret = Convert.FromHexString("9bbe436ba940f017b17652849a71db35");
        byte[] seed = [.. Encoding.ASCII.GetBytes("test label"), .. Convert.FromHexString("a0ba9f936cda311827a6f796ffd5198c")];
        var expected = "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
            + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187347b66";
        Convert.ToHexStringLower(PSha256.Derive(secret, seed, 100)).ShouldBe(expected);
    }

    [Fact]
    public void Derive_ShorterOutputIsAPrefixOfLonger()
    {
        var secret = new byte[32];
        var seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        PSha256.Derive(secret, seed, 80).ShouldBe(PSha256.Derive(secret, seed, 100)[..80]);
    }

    [Fact]
    public void ChannelKeys_ClientKeysUseServerNonceAsSecret_AndAreCutInPolicyLengths()
    {
        var clientNonce = Enumerable.Repeat((byte)1, 32).ToArray();
        var serverNonce = Enumerable.Repeat((byte)2, 32).ToArray();
        using var keys = ChannelKeys.Derive(SecurityAlgorithms.Aes128Sha256RsaOaep, clientNonce, serverNonce);
        var client = PSha256.Derive(serverNonce, clientNonce, 32 + 16 + 16);
        var server = PSha256.Derive(clientNonce, serverNonce, 32 + 16 + 16);
        keys.ClientSigningKey.ShouldBe(client[..32]);
        keys.ClientEncryptingKey.ShouldBe(client[32..48]);
        keys.ClientIv.ShouldBe(client[48..]);
        keys.ServerSigningKey.ShouldBe(server[..32]);
        keys.ServerEncryptingKey.ShouldBe(server[32..48]);
        keys.ServerIv.ShouldBe(server[48..]);
        using var basic = ChannelKeys.Derive(SecurityAlgorithms.Basic256Sha256, clientNonce, serverNonce);
        basic.ClientEncryptingKey.Length.ShouldBe(32);
    }
}
