using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Bridge.Tests.Integration;

namespace Bridge.Tests.Operations.StatusPage;

/// <summary>
/// The status page in Debian's headless chromium (tests/browser/status-page.js, playwright-core): signed in through the
/// key link, the KPI panel shows the host's real figures; a material request appears and completes while the page is
/// open, and its timeline is one click away; a dead letter's preview says it still fails, the mapping is fixed, the
/// preview shows what it would now make, and an administrator replays it with the page's button; an operator sees no
/// replay button and the server refuses the operator's replay. Missing chromium fails the test.
/// Screenshots land in TestResults/status-page under the test output directory.
/// </summary>
public sealed class StatusPageBrowserTests
{
    private static readonly string Repository = Path.GetDirectoryName(BridgeTestHost.RepositoryConfigDirectory())!;

    [Fact]
    public async Task StatusPage_InChromium_ShowsARequestCompleteLive_PreviewsTheFix_AdminReplays_OperatorCannot()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        var artefacts = Path.Combine(AppContext.BaseDirectory, "TestResults", "status-page");

        var verdict = await RunBrowserAsync(new Dictionary<string, string>
        {
            ["BRIDGE_URL"] = scenario.Host.BaseUrl.AbsoluteUri,
            ["BRIDGE_ADMIN_KEY"] = TestCredentials.AdministratorKey,
            ["BRIDGE_OPERATOR_KEY"] = TestCredentials.OperatorKey,
            ["BRIDGE_REPLAY_ID"] = scenario.FixableId,
            ["BRIDGE_KEPT_ID"] = scenario.KeptId,
            ["BRIDGE_REQUEST_ID"] = StatusPageScenario.RequestId,
            ["BRIDGE_ARTEFACTS"] = artefacts,
        }, new Dictionary<string, Func<Task>>
        {
            ["request"] = () => scenario.PostMaterialRequestAsync(),
            ["confirm"] = scenario.ConfirmPickAsync,
            ["fix"] = scenario.AddMissingMappingAsync,
        });

        ((string)verdict["requestFirstSeenAs"]!).ShouldNotBe("Completed");
        ((bool)verdict["requestCompletedLive"]!).ShouldBeTrue();
        var kinds = verdict["timelineKinds"]!.AsArray().Select(k => (string)k!).ToList();
        kinds.ShouldContain("inbound");
        kinds.Distinct().Count().ShouldBeGreaterThan(1, string.Join(", ", kinds));
        ((string)verdict["previewBeforeFix"]!).ShouldContain("still fails");
        ((string)verdict["previewAfterFix"]!).ShouldContain("erp-order-v9");
        ((int)verdict["previewAddedLines"]!).ShouldBeGreaterThan(3);

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

    /// <param name="steps">What the test does when the script prints <c>STEP name</c>; the script goes on at <c>GO</c>.</param>
    private static async Task<JsonNode> RunBrowserAsync(Dictionary<string, string> environment, Dictionary<string, Func<Task>> steps)
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
            RedirectStandardInput = true,
            WorkingDirectory = Repository,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        JsonNode? verdict = null;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("STEP ", StringComparison.Ordinal))
                {
                    await steps[line[5..]]();
                    await process.StandardInput.WriteLineAsync("GO");
                    await process.StandardInput.FlushAsync();
                }
                else if (line.StartsWith("VERDICT ", StringComparison.Ordinal))
                {
                    verdict = JsonNode.Parse(line[8..]);
                }
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the browser script did not finish within 240 s: {await stderr}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.ExitCode.ShouldBe(0, $"status-page.js failed: {await stderr}");
        return verdict ?? throw new InvalidOperationException($"status-page.js printed no verdict: {await stderr}");
    }
}
