using System.Security.Cryptography;
using Bridge.Adapters.OpcUa.Stack.Security;

namespace Bridge.Tests.OpcUa.Stack.Security;

public class ChunkMacTests
{
    [Fact]
    public void ReusedInstance_GivesTheOneShotHmacOfEveryChunk()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        using var mac = new ChunkMac(key);
        var random = new Random(14);
        for (var i = 0; i < 20; i++)
        {
            var chunk = new byte[random.Next(0, 9000)];
            random.NextBytes(chunk);
            var signature = new byte[32];
            mac.Compute(chunk, signature);
            signature.ShouldBe(HMACSHA256.HashData(key, chunk), $"chunk {i}: nothing of the previous chunk may be left in the hash");
        }
    }
}
