using System.Net;
using System.Text.Json.Nodes;
using Bridge.Host.Cli.Operations;
using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Npgsql;
using static Bridge.Tests.Integration.InboundCalls;

namespace Bridge.Tests.Operations.Audit;

/// <summary>
/// A whole material request on the real stack leaves audit rows in PostgreSQL for every message in and out; the trace
/// shows them with the saga's steps in order; <c>audit verify</c> finds a changed row.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuditTrailFlowTests() : RealStackTest("audit", "mes", "wms-a")
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly SimulatedWarehouse _wms = new();

    [Fact]
    public async Task MaterialRequest_LeavesAChainedAuditTrail_AndATraceInOrder()
    {
        if (Receivers is null)
        {
            return;
        }

        await using var host = await BridgeTestHost.StartAsync(Rabbit, Postgres, Receivers);
        await Accepted(host.PostAsync("erp", "production-order", DemoPayloads.ProductionOrder("000001006001", 20)));
        await Accepted(host.PostAsync("wms-a", "inventory", _wms.Put("100-A", "A-01-03", "L2611-07", 500, "PCE")));
        await Accepted(host.PostAsync("wms-a", "inventory", _wms.Put("200-A", "B-02-01", "L2610-02", 20, "KGM")));
        await Accepted(host.PostAsync("wms-a", "inventory", _wms.Put("300-B", "C-07-11", "", 400, "MTR")));
        await KitCompleteAsync(host, "1006001");

        await Accepted(host.PostAsync("mes", "material-request", DemoPayloads.MaterialRequest("MR-AUDIT-1", "1006001", 20)));
        var pickList = await Receivers.NextAsync("wms-a", Wait);
        await Accepted(host.PostAsync("wms-a", "pick-confirmation", _wms.Confirm(pickList.Body).Confirmation));
        await Receivers.NextAsync("mes", Wait);

        using var reader = host.OperatorClient();
        JsonArray steps = [];
        var deadline = DateTime.UtcNow + Wait;
        do
        {
            using var response = await reader.GetAsync("/api/trace/MR-AUDIT-1");
            if (response.IsSuccessStatusCode)
            {
                steps = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["steps"]!.AsArray();
            }
        }
        while (!steps.Any(s => (string)s!["what"]! == "MaterialDelivered") && DateTime.UtcNow < deadline && await Pause());

        var list = steps.Select(s => (Kind: (string)s!["kind"]!, System: (string?)s["system"], What: (string)s["what"]!, Result: (string)s["result"]!, At: DateTimeOffset.Parse((string)s["at"]!))).ToList();
        list.Select(s => s.At).ShouldBeInOrder();
        var request = list.FindIndex(s => s.Kind == "inbound" && s.System == "mes" && s.What.StartsWith("material-request", StringComparison.Ordinal));
        var pick = list.FindIndex(s => s.Kind == "outbound" && s.System == "wms-a" && s.What == "PickOrderIssued" && s.Result == "delivered");
        var delivered = list.FindIndex(s => s.Kind == "outbound" && s.System == "mes" && s.What == "MaterialDelivered" && s.Result == "delivered");
        request.ShouldBeGreaterThanOrEqualTo(0, string.Join(Environment.NewLine, list));
        pick.ShouldBeGreaterThan(request);
        delivered.ShouldBeGreaterThan(pick);
        list.Count(s => s.Kind == "saga").ShouldBeGreaterThan(1);

        var output = new StringWriter();
        (await AuditVerifyCommand.RunAsync(Postgres, output, new StringWriter(), CancellationToken.None)).ShouldBe(0);
        output.ToString().ShouldStartWith("audit chain holds:");

        await using (var db = NpgsqlDataSource.Create(Postgres))
        {
            await using var tamper = db.CreateCommand("update audit_log set size = size + 1 where seq = 3");
            (await tamper.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0);
        }

        var error = new StringWriter();
        (await AuditVerifyCommand.RunAsync(Postgres, new StringWriter(), error, CancellationToken.None)).ShouldBe(1);
        error.ToString().ShouldContain("row 3: its content does not match its hash");
    }

    private static async Task KitCompleteAsync(BridgeTestHost host, string orderId)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            using var response = await host.Client.GetAsync($"/api/kit/{orderId}?quantity=20");
            if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync())!["complete"]!.GetValue<bool>())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"order {orderId} and its stock did not reach the stock view within {Wait}");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(100);
        return true;
    }
}
