using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Tests.OpcUa.Stack.Interop;

/// <summary>A fake server on a real socket that misbehaves: the client must fail cleanly and quickly.</summary>
public class BrokenServerTests
{
    private static readonly byte[] Acknowledge = Convert.FromHexString("41434B461C000000" + "00000000" + "FFFF0000" + "FFFF0000" + "00000001" + "00000000");

    [Fact]
    public async Task ServerClosesInTheMiddleOfTheAcknowledge_CleanConnectionError()
    {
        var error = await ConnectAgainstAsync(async stream =>
        {
            await ReadSomeAsync(stream);
            await stream.WriteAsync(Acknowledge.AsMemory(0, 12));
        });
        error.Message.ShouldContain("middle of");
    }

    [Fact]
    public async Task ServerClosesInTheMiddleOfTheOpenResponse_CleanConnectionError()
    {
        var error = await ConnectAgainstAsync(async stream =>
        {
            await ReadSomeAsync(stream);
            await stream.WriteAsync(Acknowledge);
            await ReadSomeAsync(stream);
            // An OPN chunk header announcing 500 bytes, then 20 of them.
            await stream.WriteAsync(Convert.FromHexString("4F504E46F4010000" + new string('0', 40)));
        });
        error.Message.ShouldContain("middle of");
    }

    [Fact]
    public async Task ServerAnnouncesAChunkLargerThanNegotiated_RejectedWithoutAllocatingIt()
    {
        var error = await ConnectAgainstAsync(async stream =>
        {
            await ReadSomeAsync(stream);
            await stream.WriteAsync(Acknowledge);
            await ReadSomeAsync(stream);
            await stream.WriteAsync(Convert.FromHexString("4D534746FFFFFF7F"));
        });
        error.StatusCode.Name.ShouldBe("BadTcpMessageTooLarge");
    }

    [Fact]
    public async Task ServerSendsError_ReasonIsReported()
    {
        var error = await ConnectAgainstAsync(async stream =>
        {
            await ReadSomeAsync(stream);
            // ERR, status BadTcpServerTooBusy (0x807D0000), reason "busy".
            await stream.WriteAsync(Convert.FromHexString("4552524614000000" + "00007D80" + "04000000" + "62757379"));
        });
        error.StatusCode.Name.ShouldBe("BadTcpServerTooBusy");
        error.Message.ShouldContain("busy");
    }

    [Fact]
    public async Task ServerSendsGarbage_CleanError()
    {
        var error = await ConnectAgainstAsync(async stream =>
        {
            await ReadSomeAsync(stream);
            await stream.WriteAsync(Acknowledge);
            await ReadSomeAsync(stream);
            await stream.WriteAsync("OPNF\u0010\0\0\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008"u8.ToArray());
        });
        error.ShouldBeAssignableTo<Bridge.Adapters.OpcUa.Stack.OpcUaException>();
    }

    private static async Task<Bridge.Adapters.OpcUa.Stack.OpcUaException> ConnectAgainstAsync(Func<NetworkStream, Task> behave)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptTcpClientAsync();
            await behave(socket.GetStream());
            await Task.Delay(100);
        });
        var watch = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<Bridge.Adapters.OpcUa.Stack.OpcUaException>(() => OpcUaClient.ConnectAsync(new OpcUaClientOptions
        {
            EndpointUrl = $"opc.tcp://127.0.0.1:{port}/",
            Channel = new Bridge.Adapters.OpcUa.Stack.SecureChannel.SecureChannelOptions { RequestTimeout = TimeSpan.FromSeconds(10) },
        }));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "a broken server must not make the client wait for its timeout");
        await server;
        return error;
    }

    private static async Task ReadSomeAsync(NetworkStream stream)
    {
        var buffer = new byte[65536];
        _ = await stream.ReadAsync(buffer);
    }
}
