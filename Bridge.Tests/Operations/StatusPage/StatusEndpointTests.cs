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
