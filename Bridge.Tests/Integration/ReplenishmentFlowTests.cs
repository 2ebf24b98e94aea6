using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.OpcUa;
using Bridge.Tests.Persistence;
using Bridge.Tests.Replenishment;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Replenishment.LineSideTestApi;

namespace Bridge.Tests.Integration;

/// <summary>
/// A line-side location through a full cycle on the real stack: a PLC parts counter on the node-opcua server → OPC UA
/// device → shipped plc mapping → RabbitMQ → level projection and saga in PostgreSQL → one replenishment CSV to the
/// WMS of site B → its fulfilment closes the request. The host is restarted while the request is open.
/// </summary>
[Trait("Category", "Integration")]
[Collection(HostCollection.Name)]
public sealed class ReplenishmentFlowTests() : LineSideStackTest("line-side")
{
    [Fact]
    public async Task CounterDrivesALocationThroughACycle_AcrossARestart_OneRequestToTheWms()
    {
        if (Receivers is null || OpcUaUrl is null)
            return;

        await using var plc = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = OpcUaUrl });
        var counter = 5000u;
        await plc.WriteValueAsync(Counter, Variant.From(counter));

        var host = await StartLineSideHostAsync();
        try
        {
            // 120 at start; 50 used → 70, then 40 more → 30: at or below the reorder point 40.
            await CountAsync(host, plc, counter += 50, expectedLevel: 70m);
            await CountAsync(host, plc, counter += 40, expectedLevel: 30m);

            var request = await Receivers.NextAsync("wms-b", Wait);
            request.Path.ShouldBe("/import/replenishment/RP-L1-ST03-0001.csv");
            var row = request.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(';');
            (row[0], row[1], row[2], row[3], row[4]).ShouldBe(("RP-L1-ST03-0001", "L1-ST03", "A-100", "100", "ST"));

            await host.StopAsync();
            host = await StartLineSideHostAsync();

            // The open request survived the restart: further consumption asks for nothing more.
            (await ViewAsync(host))["openRequest"]!["replenishmentId"]!.GetValue<string>().ShouldBe("RP-L1-ST03-0001");
            await CountAsync(host, plc, counter += 5, expectedLevel: 25m);

            await ConfirmAsync(host, "RP-L1-ST03-0001", 100);

            var view = await UntilAsync(host, v => (string?)v["state"] == "Watching" && v["quantity"]!.GetValue<decimal>() == 125m);
            view["openRequest"].ShouldBeNull();
            // Exactly one request for the cycle: nothing else reached the WMS.
            await Should.ThrowAsync<TimeoutException>(() => Receivers.NextAsync("wms-b", TimeSpan.FromSeconds(1)));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
