using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Bridge.Contracts.Messages;
using Bridge.Host.Composition;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Bridge.Tests.OpcUa;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Devices;

/// <summary>
/// Issue 13 point 13 through a live device: a node on the node-opcua server whose value cannot be mapped (text where the
/// mapping wants a number) becomes one dead letter naming the value, is not retried, and the same device keeps
/// delivering the values of its other node.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DevicePoisonValueTests : IDisposable
{
    private const string TextMapping = """
        name: plc-text-level
        system: plc
        direction: inbound
        messageType: text-level
        format: scalar
        produces: LineSideConsumptionReported
        id: meta('nodeId') & '@' & meta('sourceTimestamp')
        fields:
          location: meta('location')
          material: meta('material')
          quantity: number($value)
          unit: unit(meta('unit'))
          occurredAt: datetime(meta('sourceTimestamp'))
        """;

    private readonly string _config = TestConfig.CopyShipped();

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Fact]
    public async Task ValueThatCannotBeMapped_IsOneDeadLetterNamingIt_AndTheDeviceKeepsDeliveringItsNextValues()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }

        // Scalars.String holds "水Boy" and no test writes it; Counters.Fast counts up every 100 ms on its own.
        File.WriteAllText(Path.Combine(_config, "mappings", "plc", "text-level.yaml"), TextMapping);
        File.WriteAllText(Path.Combine(_config, "mappings", "plc", "fast-parts.yaml"), TextMapping
            .Replace("plc-text-level", "plc-fast-parts", StringComparison.Ordinal)
            .Replace("messageType: text-level", "messageType: fast-parts", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(_config, "devices"));
        File.WriteAllText(Path.Combine(_config, "devices", "poison.yaml"), $"""
            system: plc
            endpointUrl: {url}
            publishingIntervalMs: 50
            nodes:
              - key: text
                browsePath: /Objects/1:Bridge/1:Scalars/1:String
                kind: value
                samplingIntervalMs: 50
                messageType: text-level
                metadata: {"{"} location: L1-ST9, material: A-100, unit: PCE {"}"}
              - key: fast
                browsePath: /Objects/1:Bridge/1:Counters/1:Fast
                kind: counter
                samplingIntervalMs: 50
                messageType: fast-parts
                metadata: {"{"} location: L1-ST8, material: A-100, unit: PCE {"}"}
            """);
        var app = BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:ConfigDir"] = _config,
            ["Bridge:Mqtt:EmbeddedBroker:Port"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Serilog:MinimumLevel:Default"] = "Error",
        })));
        await using var _ = app;
        await app.StartAsync();
        var delivered = new ConcurrentQueue<LineSideConsumptionReported>();
        var endpoint = app.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("test-device-poison", e =>
            e.Handler<LineSideConsumptionReported>(context =>
            {
                delivered.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await endpoint.Ready;
        var letters = app.Services.GetRequiredService<IDeadLetterStore>();

        var poison = await UntilAsync(async () => (await PoisonLettersAsync(letters)).FirstOrDefault());
        poison.Reason.ShouldContain("水Boy");
        poison.Reason.ShouldContain("plc-text-level");

        // Five more values of the device after the dead letter: the poison did not stop it, and was not tried again.
        var before = delivered.Count;
        await UntilAsync(() => Task.FromResult(delivered.Count >= before + 5 ? (object?)true : null));
        (await PoisonLettersAsync(letters)).Count.ShouldBe(1);
        delivered.ShouldAllBe(m => m.Location == "L1-ST8");
        await app.StopAsync();
    }

    private static async Task<IReadOnlyList<DeadLetter>> PoisonLettersAsync(IDeadLetterStore letters) =>
        (await letters.ListAsync(1000, includeReplayed: true, default)).Where(l => l.System == "plc" && l.MessageType == "text-level").ToList();

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the device did not deliver within 60 s");
            }

            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
