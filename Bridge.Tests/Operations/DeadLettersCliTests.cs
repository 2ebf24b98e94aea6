using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Cli;
using Bridge.Host.Demo;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Tests.Integration;
using Bridge.Tests.Operations.Auth;
using Bridge.Tests.Operations.StatusPage;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Operations;

/// <summary><c>deadletters list|show|replay|discard</c> against a running embedded host, as an operator would type them.</summary>
public sealed class DeadLettersCliTests
{
    [Fact]
    public async Task List_WithFilter_ShowsOnlyMatchingLetters()
    {
        await using var scenario = await StatusPageScenario.StartAsync();

        var (code, output, _) = await Cli(scenario, TestCredentials.OperatorKey, "deadletters", "list", "--system", "mes", "--json");

        code.ShouldBe(0);
        var letters = JsonNode.Parse(output)!.AsArray();
        letters.Select(l => (string)l!["id"]!).ShouldBe([scenario.KeptId]);
        (await Cli(scenario, TestCredentials.OperatorKey, "deadletters", "list")).Output.ShouldContain("2 dead letter(s)");
    }

    [Fact]
    public async Task Show_BinaryBody_IsPrintedAsHex_AndAMappingFailureNamesFileAndLine()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        using var erp = scenario.Host.System(AuthTestHost.ErpKey);
        var binary = new ByteArrayContent([0x00, 0x01, 0xFE, 0x41]);
        binary.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await erp.PostAsync("/api/inbound/erp/blob", binary)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var badDate = DemoPayloads.ProductionOrder("000001009009", 2).Replace("\"finish\":\"24.11.2026 06:00\"", "\"finish\":\"not a date\"");
        (await erp.PostAsync("/api/inbound/erp/production-order", new StringContent(badDate, Encoding.UTF8, "application/json"))).IsSuccessStatusCode.ShouldBeFalse();
        using var admin = scenario.Host.Administrator();
        var blob = (string)JsonNode.Parse(await admin.GetStringAsync("/api/dead-letters?reason=blob"))!.AsArray().Single()!["id"]!;
        var mapped = JsonNode.Parse(await admin.GetStringAsync("/api/dead-letters?mapping=erp-production-order"))!.AsArray().Single()!;

        var (code, output, _) = await Cli(scenario, TestCredentials.OperatorKey, "deadletters", "show", blob);

        code.ShouldBe(0);
        output.ShouldContain("body (hex):");
        output.ShouldContain("00000000  00 01 FE 41");
        var shown = (await Cli(scenario, TestCredentials.OperatorKey, "deadletters", "show", (string)mapped["id"]!)).Output;
        shown.ShouldContain("body (text):");
        var file = Path.Combine(scenario.Host.Config, "mappings", "erp", "production-order.yaml");
        var dueAtLine = Array.FindIndex(File.ReadAllLines(file), l => l.TrimStart().StartsWith("dueAt:", StringComparison.Ordinal)) + 1;
        ((string)mapped["source"]!).ShouldEndWith($"production-order.yaml:{dueAtLine}", Case.Sensitive, (string)mapped["reason"]!);
        shown.ShouldContain((string)mapped["source"]!);
    }

    [Fact]
    public async Task ReplayByFilter_AfterTheFix_ReplaysOnce_AndAgainIsANoOp()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        (await Cli(scenario, TestCredentials.AdministratorKey, "deadletters", "replay", "--system", "erp")).Code.ShouldBe(1, "no mapping yet: still failing");
        await scenario.AddMissingMappingAsync();

        var first = await Cli(scenario, TestCredentials.AdministratorKey, "deadletters", "replay", "--system", "erp");
        var again = await Cli(scenario, TestCredentials.AdministratorKey, "deadletters", "replay", "--system", "erp");
        var one = await Cli(scenario, TestCredentials.AdministratorKey, "deadletters", "replay", scenario.FixableId);

        first.Code.ShouldBe(0, first.Error);
        first.Output.ShouldContain("replayed 1, already resolved 0, still failing 0");
        again.Output.ShouldContain("replayed 0, already resolved 0, still failing 0");
        one.Output.ShouldContain("replayed 0, already resolved 1, still failing 0");
        using var admin = scenario.Host.Administrator();
        JsonNode.Parse(await admin.GetStringAsync($"/api/dead-letters/{scenario.FixableId}"))!["replayedAt"].ShouldNotBeNull();
        JsonNode.Parse(await admin.GetStringAsync($"/api/dead-letters/{scenario.KeptId}"))!["replayedAt"].ShouldBeNull();
    }

    [Fact]
    public async Task Discard_NeedsAReason_IsAdministratorsOnly_AndIsAudited()
    {
        await using var scenario = await StatusPageScenario.StartAsync();

        (await Cli(scenario, TestCredentials.AdministratorKey, "deadletters", "discard", scenario.KeptId)).Code.ShouldBe(BridgeCommandLine.UsageError);
        var refused = await Cli(scenario, TestCredentials.OperatorKey, "deadletters", "discard", scenario.KeptId, "--reason", "test data");
        var done = await Cli(scenario, TestCredentials.AdministratorKey, "deadletters", "discard", scenario.KeptId, "--reason", "MES test data, never to be sent");
        var twice = await Cli(scenario, TestCredentials.AdministratorKey, "deadletters", "discard", scenario.KeptId, "--reason", "again");

        refused.Code.ShouldBe(1);
        refused.Error.ShouldContain("403");
        done.Code.ShouldBe(0, done.Error);
        twice.Code.ShouldBe(1);
        twice.Error.ShouldContain("already replayed or discarded");
        (await Cli(scenario, TestCredentials.OperatorKey, "deadletters", "list", "--system", "mes")).Output.ShouldContain("0 dead letter(s)");
        (await Cli(scenario, TestCredentials.OperatorKey, "deadletters", "list", "--system", "mes", "--all")).Output.ShouldContain("discarded");
        var audit = scenario.Host.App.Services.GetRequiredService<IAuditTrail>();
        var rows = new List<AuditRow>();
        foreach (var day in await audit.DaysAsync(CancellationToken.None))
        {
            rows.AddRange(await audit.ReadDayAsync(day, CancellationToken.None));
        }

        var row = rows.Single(r => r.Entry.Result == "discarded").Entry;
        row.MessageId.ShouldBe(scenario.KeptId);
        row.Reason.ShouldBe("it-admin: MES test data, never to be sent");
    }

    internal static async Task<(int Code, string Output, string Error)> Cli(StatusPageScenario scenario, string key, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BridgeCommandLine.RunAsync([.. args, "--url", scenario.Host.BaseUrl.AbsoluteUri, "--key", key], output, error)
            .WaitAsync(TimeSpan.FromSeconds(60));
        return (code, output.ToString(), error.ToString());
    }
}
