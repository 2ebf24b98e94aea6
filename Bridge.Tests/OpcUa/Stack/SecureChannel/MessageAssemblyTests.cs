using Bridge.Adapters.OpcUa.Stack;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;

namespace Bridge.Tests.OpcUa.Stack.SecureChannel;

public class MessageAssemblyTests
{
    [Fact]
    public void Chunks_AreJoinedInOrder()
    {
        var assembly = new MessageAssembly(100, 10);
        assembly.Add(new byte[] { 1, 2 });
        assembly.Add(new byte[] { 3 });
        assembly.Complete().Bytes.ToArray().ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public void MessageLargerThanNegotiated_IsRejectedBeforeJoining()
    {
        var assembly = new MessageAssembly(10, 0);
        assembly.Add(new byte[8]);
        Should.Throw<OpcUaException>(() => assembly.Add(new byte[8])).StatusCode.Name.ShouldBe("BadResponseTooLarge");
    }

    [Fact]
    public void MoreChunksThanNegotiated_AreRejected()
    {
        var assembly = new MessageAssembly(0, 2);
        assembly.Add(new byte[1]);
        assembly.Add(new byte[1]);
        Should.Throw<OpcUaException>(() => assembly.Add(new byte[1])).Message.ShouldContain("more than 2 chunks");
    }
}
