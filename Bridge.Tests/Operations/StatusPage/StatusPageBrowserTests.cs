using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Bridge.Tests.Integration;

namespace Bridge.Tests.Operations.StatusPage;

/// <summary>
/// The status page in Debian's headless chromium (tests/browser/status-page.js, playwright-core): signed in through the
/// key link, the KPI panel shows the host's real figures; an administrator replays a dead letter with the page's button;
/// an operator sees no replay button and the server refuses the operator's replay. Missing chromium fails the test.
/// Screenshots land in TestResults/status-page under the test output directory.
/// </summary>
public sealed class StatusPageBrowserTests
{
    private static readonly string Repository = Path.GetDirectoryName(BridgeTestHost.RepositoryConfigDirectory())!;

    [Fact]
    public async Task StatusPage_InChromium_ShowsRealFigures_AdminReplays_OperatorCannot()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        await scenario.AddMissingMappingAsync();
        var artefacts = Path.Combine(AppContext.BaseDirectory, "TestResults", "status-page");

        var verdict = await RunBrowserAsync(new Dictionary<string, string>
        {
            ["BRIDGE_URL"] = scenario.Host.BaseUrl.AbsoluteUri,
            ["BRIDGE_ADMIN_KEY"] = TestCredentials.AdministratorKey,
            ["BRIDGE_OPERATOR_KEY"] = TestCredentials.OperatorKey,
            ["BRIDGE_REPLAY_ID"] = scenario.FixableId,
            ["BRIDGE_KEPT_ID"] = scenario.KeptId,
            ["BRIDGE_ARTEFACTS"] = artefacts,
        });

        ((int)verdict["messagesIn"]!).ShouldBe(4);
        ((int)verdict["deadLettersBefore"]!).ShouldBe(2);
        ((int)verdict["deadLettersAfter"]!).ShouldBe(1);
        ((string)verdict["who"]!).ShouldContain("administrator");
        ((int)verdict["adminReplayButtons"]!).ShouldBe(1);
        ((string)verdict["operatorWho"]!).ShouldContain("operator");
        ((int)verdict["operatorDeadLetterRows"]!).ShouldBe(1);
        ((int)verdict["operatorReplayButtons"]!).ShouldBe(0);
        ((int)verdict["operatorReplayStatus"]!).ShouldBe((int)HttpStatusCode.Forbidden);
        File.Exists(Path.Combine(artefacts, "status-page.png")).ShouldBeTrue();

        using var admin = scenario.Host.Administrator();
        var replayed = JsonNode.Parse(await admin.GetStringAsync($"/api/dead-letters/{scenario.FixableId}"))!;
        replayed["replayedAt"].ShouldNotBeNull();
        var kept = JsonNode.Parse(await admin.GetStringAsync($"/api/dead-letters/{scenario.KeptId}"))!;
        kept["replayedAt"].ShouldBeNull();
    }

    private static async Task<JsonNode> RunBrowserAsync(Dictionary<string, string> environment)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
        File.Exists(chromium).ShouldBeTrue($"chromium is missing at {chromium}: ./test.sh installs Debian's chromium (apt-get install chromium)");
        var script = Path.Combine(Repository, "tests", "browser", "status-page.js");
        Directory.Exists(Path.Combine(Repository, "tests", "browser", "node_modules", "playwright-core"))
            .ShouldBeTrue("playwright-core is missing: ./test.sh runs npm ci in tests/browser");

        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the browser script did not finish within 120 s: {await stderr}");
        }

        process.ExitCode.ShouldBe(0, $"status-page.js failed: {await stderr}");
        return JsonNode.Parse(await stdout)!;
    }
}
