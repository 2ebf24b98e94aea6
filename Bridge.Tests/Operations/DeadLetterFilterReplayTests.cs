using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Demo;
using Bridge.Tests.Operations.Auth;

namespace Bridge.Tests.Operations;

/// <summary>Dead letters are found by filter, shown as text or hex, and replayed by filter once the mapping exists — exactly once.</summary>
public sealed class DeadLetterFilterReplayTests
{
    [Fact]
    public async Task ReplayByFilter_ReplaysOnlyWhatMatches_AndIsIdempotent()
    {
        await using var host = await AuthTestHost.StartAsync();
        using var erp = host.System(AuthTestHost.ErpKey);
        using var mes = host.System(AuthTestHost.MesKey);
        foreach (var order in (string[])["000001008001", "000001008002"])
        {
            (await erp.PostAsync("/api/inbound/erp/order-v9", Json(DemoPayloads.ProductionOrder(order, 3)))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await mes.PostAsync("/api/inbound/mes/order-v9", Json("{}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var admin = host.Administrator();

        var erpLetters = JsonNode.Parse(await admin.GetStringAsync("/api/dead-letters?system=erp&reason=order-v9"))!.AsArray();
        erpLetters.Count.ShouldBe(2);
        JsonNode.Parse(await admin.GetStringAsync("/api/dead-letters?system=mes"))!.AsArray().Count.ShouldBe(1);
        JsonNode.Parse(await admin.GetStringAsync("/api/dead-letters?since=2999-01-01T00:00:00Z"))!.AsArray().ShouldBeEmpty();
        var one = JsonNode.Parse(await admin.GetStringAsync($"/api/dead-letters/{erpLetters[0]!["id"]}?body=hex"))!;
        ((string)one["bodyEncoding"]!).ShouldBe("hex");
        Encoding.UTF8.GetString(Convert.FromHexString((string)one["body"]!)).ShouldContain("00000100800");

        // The fix: a mapping for the new message type.
        var mappings = Path.Combine(host.Config, "mappings", "erp");
        File.WriteAllText(Path.Combine(mappings, "order-v9.yaml"), File.ReadAllText(Path.Combine(mappings, "production-order.yaml"))
            .Replace("messageType: production-order", "messageType: order-v9").Replace("name: erp-production-order", "name: erp-order-v9"));

        // The watcher swaps the new set in while a replay may be under way: a pass can replay one letter and still
        // find no mapping for the other. Passes are repeated until nothing matching is left failing; no id may come
        // back twice.
        var replayed = new List<string>();
        JsonNode result;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            using var response = await admin.PostAsync("/api/dead-letters/replay?system=erp&reason=order-v9", null);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            replayed.AddRange(result["replayed"]!.AsArray().Select(id => id!.GetValue<string>()));
        }
        while (result["stillFailing"]!.AsArray().Count > 0 && DateTime.UtcNow < deadline && await Pause());

        replayed.Count.ShouldBe(2, result.ToJsonString());
        replayed.Distinct().Count().ShouldBe(2);
        var again = JsonNode.Parse(await (await admin.PostAsync("/api/dead-letters/replay?system=erp&reason=order-v9", null)).Content.ReadAsStringAsync())!;
        again["replayed"]!.AsArray().ShouldBeEmpty();
        JsonNode.Parse(await admin.GetStringAsync("/api/dead-letters"))!.AsArray().Single()!["system"]!.GetValue<string>().ShouldBe("mes");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<bool> Pause()
    {
        await Task.Delay(200);
        return true;
    }
}
