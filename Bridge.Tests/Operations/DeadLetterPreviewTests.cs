using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Cli;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Pipeline.Outbound;
using Bridge.Tests.Integration;
using Bridge.Tests.Operations.StatusPage;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Operations;

/// <summary>
/// <c>GET /api/dead-letters/{id}/preview</c>: what the mapping in force now would make of a dead letter, beside what
/// happened then, without publishing, keeping or replaying anything; and the same in <c>deadletters show</c>.
/// </summary>
public sealed class DeadLetterPreviewTests
{
    [Fact]
    public async Task InboundLetter_StillFailsBeforeTheFix_WouldBeAcceptedAfterIt_AndNothingIsReplayed()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        using var op = scenario.Host.Operator();

        var before = JsonNode.Parse(await op.GetStringAsync($"/api/dead-letters/{scenario.FixableId}/preview"))!;
        ((string)before["outcome"]!).ShouldBe("still fails");
        ((string)before["errors"]![0]!).ShouldContain("no inbound mapping for system 'erp' and message type 'order-v9'");
        // Then and now fail for the same reason: one unchanged line, nothing added or removed.
        Diff(before).ShouldBe(["  no inbound mapping for system 'erp' and message type 'order-v9'"]);

        await scenario.AddMissingMappingAsync();
        var after = JsonNode.Parse(await op.GetStringAsync($"/api/dead-letters/{scenario.FixableId}/preview"))!;

        ((string)after["outcome"]!).ShouldBe("would be accepted");
        ((string)after["mapping"]!).ShouldBe("erp-order-v9");
        ((string)after["messages"]![0]!["type"]!).ShouldBe(nameof(ProductionOrderReleased));
        ((string)after["messages"]![0]!["message"]!["orderId"]!).ShouldBe("1009003");
        var diff = Diff(after);
        diff[0].ShouldBe("- no inbound mapping for system 'erp' and message type 'order-v9'");
        diff[1].ShouldBe("+ ProductionOrderReleased {");
        diff.ShouldContain(l => l.StartsWith("+   \"OrderId\": \"1009003\"", StringComparison.Ordinal) || l.StartsWith("+   \"orderId\": \"1009003\"", StringComparison.Ordinal));
        var letter = JsonNode.Parse(await op.GetStringAsync($"/api/dead-letters/{scenario.FixableId}"))!;
        letter["replayedAt"].ShouldBeNull();
        var status = JsonNode.Parse(await op.GetStringAsync("/api/status"))!;
        ((int)status["systems"]!.AsArray().Single(s => (string)s!["id"]! == "erp")!["messagesIn"]!).ShouldBe(3);

        var (code, output, _) = await DeadLettersCliTests.Cli(scenario, TestCredentials.OperatorKey, "deadletters", "show", scenario.FixableId);
        code.ShouldBe(0);
        output.ShouldContain("with the mapping in force now (erp-order-v9): would be accepted; then (-) and now (+):");
        output.ShouldContain("+ ProductionOrderReleased {");
    }

    [Fact]
    public async Task OutboundLetter_IsRenderedAgainForItsSystem_BesideTheBodyItRefused()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        var store = scenario.Host.App.Services.GetRequiredService<IDeadLetterStore>();
        var pick = new PickOrderIssued
        {
            MessageId = Guid.NewGuid(),
            CorrelationId = "MR-料-1",
            Source = "bridge",
            OccurredAt = DateTimeOffset.Parse("2026-12-01T06:00:00Z"),
            PickOrderId = "PK-料/1",
            RequestId = "MR-料-1",
            OrderId = "1004711",
            Warehouse = "WH-A",
            Destination = "L1-ST03",
            Lines = [new MaterialLine { Material = "A-100", Quantity = 2m, Unit = "pcs" }],
        };
        var outbound = Letter("wms-a", pick, "{ \"old\": \"rendering\" }");
        var gone = Letter("wms-gone", pick, "{}");
        await store.AddAsync(outbound, CancellationToken.None);
        await store.AddAsync(gone, CancellationToken.None);
        using var op = scenario.Host.Operator();

        var preview = JsonNode.Parse(await op.GetStringAsync($"/api/dead-letters/{outbound.Id}/preview"))!;

        ((string)preview["direction"]!).ShouldBe("outbound");
        ((string)preview["outcome"]!).ShouldBe("renders");
        ((string)preview["address"]!).ShouldContain(Uri.EscapeDataString("PK-料/1"));
        var diff = Diff(preview);
        diff.ShouldContain("- { \"old\": \"rendering\" }");
        diff.ShouldContain(l => l.StartsWith('+') && l.Contains("\"sku\":\"100-A\"", StringComparison.Ordinal), string.Join('\n', diff));
        var refused = JsonNode.Parse(await op.GetStringAsync($"/api/dead-letters/{gone.Id}/preview"))!;
        ((string)refused["outcome"]!).ShouldBe("cannot render");
        ((string)refused["errors"]![0]!).ShouldContain("'wms-gone' is no longer in systems.yaml");
        (await op.GetAsync($"/api/dead-letters/{Guid.NewGuid()}/preview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await scenario.Host.Anonymous().GetAsync($"/api/dead-letters/{outbound.Id}/preview")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static DeadLetter Letter(string system, PickOrderIssued message, string body) => new(
        Guid.NewGuid(), DateTimeOffset.Parse("2026-12-01T06:01:00Z"), system, nameof(PickOrderIssued), null, "application/json",
        Encoding.UTF8.GetBytes(body), $"PickOrderIssued not delivered to '{system}'",
        new Dictionary<string, string>
        {
            [OutboundRetrySchedule.DirectionKey] = OutboundRetrySchedule.Outbound,
            [OutboundRetrySchedule.CanonicalTypeKey] = InboundMessageSerializer.TypeName(typeof(PickOrderIssued)),
            [OutboundRetrySchedule.CanonicalKey] = JsonSerializer.Serialize(message, InboundMessageSerializer.Options),
        });

    private static List<string> Diff(JsonNode preview) => preview["diff"]!.AsArray().Select(l => (string)l!).ToList();
}
