using System.Net;
using System.Text;
using Bridge.Host.Demo;
using Bridge.Tests.Operations.Auth;
using System.Text.Json.Nodes;

namespace Bridge.Tests.Operations.StatusPage;

/// <summary><c>/api/status</c> counts what the host really saw, and is an operator's read like every other.</summary>
public sealed class StatusEndpointTests
{
    [Fact]
    public async Task Status_AfterTraffic_CountsMessagesPerSystemAndDeadLettersByCause()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        using var op = scenario.Host.Operator();

        var status = JsonNode.Parse(await op.GetStringAsync("/api/status"))!;

        var erp = status["systems"]!.AsArray().Single(s => (string)s!["id"]! == "erp")!;
        ((int)erp["messagesIn"]!).ShouldBe(3);
        ((int)erp["deadLetters"]!).ShouldBe(1);
        ((decimal)erp["inPerMinute"]!).ShouldBe(0.6m);
        ((string)erp["state"]!).ShouldBe("ok");
        ((int)status["systems"]!.AsArray().Single(s => (string)s!["id"]! == "mes")!["messagesIn"]!).ShouldBe(1);
        ((int)status["deadLetters"]!["open"]!).ShouldBe(2);
        var causes = status["deadLetters"]!["byCause"]!.AsArray();
        causes.Select(c => $"{c!["system"]}/{c["messageType"]}={c["count"]}").Order().ShouldBe(["erp/order-v9=1", "mes/order-v9=1"]);
        status["health"]!["checks"]!.AsArray().Select(c => (string)c!["name"]!).ShouldContain("bus");
        status["materialRequests"]!["byState"].ShouldNotBeNull();
        status["lineSide"]!.AsArray().ShouldNotBeNull();
    }

    [Fact]
    public async Task Status_AfterMaterialRequest_ListsItByStateWithItsKit()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        using var mes = scenario.Host.System(AuthTestHost.MesKey);
        using var op = scenario.Host.Operator();
        (await mes.PostAsync("/api/inbound/mes/material-request", new StringContent(
            DemoPayloads.MaterialRequest("MR-STATUS-1", "000001009001", 2), Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // The saga runs on the bus: wait (bounded) until the request is known, then read the panel.
        JsonNode status;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            status = JsonNode.Parse(await op.GetStringAsync("/api/status"))!;
        }
        while ((int)status["materialRequests"]!["total"]! == 0 && DateTime.UtcNow < deadline && await Yield());

        ((int)status["materialRequests"]!["total"]!).ShouldBe(1, status.ToJsonString());
        status["materialRequests"]!["byState"]!.AsObject().Sum(s => (int)s.Value!).ShouldBe(1);
        var kit = status["kits"]!.AsArray().Single()!;
        ((string)kit["requestId"]!).ShouldBe("MR-STATUS-1");
        ((string)kit["state"]!).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Status_AfterARequestCompletes_GivesTheKpis_AndEveryAdapterConnection()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        using var op = scenario.Host.Operator();
        await scenario.PostMaterialRequestAsync(needBy: "2099-01-01 00:00:00");
        await scenario.ConfirmPickAsync();

        JsonNode status;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            status = JsonNode.Parse(await op.GetStringAsync("/api/status"))!;
        }
        while (status["materialRequests"]!["byState"]!["Completed"] is null && DateTime.UtcNow < deadline && await Yield());

        ((int?)status["materialRequests"]!["byState"]!["Completed"]).ShouldBe(1, status.ToJsonString());
        // Reserved at the first check (the stock was there): complete; delivered long before 2099.
        ((decimal)status["materialRequests"]!["kitCompletenessRate"]!).ShouldBe(1m);
        ((decimal)status["kits"]!.AsArray().Single()!["kitRate"]!).ShouldBe(1m);
        var onTime = status["onTimeDelivery"]!;
        ((int)onTime["delivered"]!).ShouldBe(1);
        ((int)onTime["onTime"]!).ShouldBe(1);
        ((decimal)onTime["rate"]!).ShouldBe(1m);
        var perDay = status["deadLettersPerDay"]!.AsArray().Select(d => $"{d!["system"]}={d["count"]}").Order().ToList();
        perDay.ShouldBe(["erp=1", "mes=1"]);
        status["replenishments"]!["leadTime"]!["cycles"]!.GetValue<int>().ShouldBe(0);

        var connections = status["connections"]!.AsArray();
        var embedded = connections.Single(c => (string)c!["adapter"]! == "mqtt" && (string)c["instance"]! == "embedded")!;
        ((bool)embedded["up"]!).ShouldBe((string)embedded["state"]! == "connected");
        connections.ShouldContain(c => (string)c!["adapter"]! == "amqp" && (string)c["state"]! == "off");
    }

    [Fact]
    public async Task Status_Anonymous_IsRefused()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        using var anonymous = scenario.Host.Anonymous();

        (await anonymous.GetAsync("/api/status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<bool> Yield()
    {
        await Task.Yield();
        return true;
    }
}
