using System.Buffers;
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
    public void JoinedMessage_IsCopiedOutOfTheChunksPooledArrays_BeforeTheyGoBack()
    {
        var assembly = new MessageAssembly(100, 10);
        var first = Pooled(1, 2);
        var second = Pooled(3);
        assembly.Add(first.AsMemory(0, 2), first);
        assembly.Add(second.AsMemory(0, 1), second);
        var message = assembly.Complete();
        // The chunks' arrays are back in the pool: whoever rents them next overwrites them.
        first.AsSpan().Fill(0xFF);
        second.AsSpan().Fill(0xFF);
        message.Bytes.ToArray().ShouldBe(new byte[] { 1, 2, 3 });
        message.Release();
    }

    [Fact]
    public void SingleChunkMessage_IsTheChunksPooledArray_GivenBackOnRelease()
    {
        // Renting empties this thread's slot of the pool for the size, so the array given back is the next one rented.
        const int size = 700_001;
        var chunk = ArrayPool<byte>.Shared.Rent(size);
        chunk[0] = 42;
        var assembly = new MessageAssembly(0, 10);
        assembly.Add(chunk.AsMemory(0, 1), chunk);
        var message = assembly.Complete();
        message.Bytes.ToArray().ShouldBe(new byte[] { 42 });
        message.Release();
        ArrayPool<byte>.Shared.Rent(size).ShouldBeSameAs(chunk);
    }

    private static byte[] Pooled(params byte[] bytes)
    {
        var array = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(array, 0);
        return array;
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
