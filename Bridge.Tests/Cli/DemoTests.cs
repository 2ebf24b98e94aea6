using Bridge.Host.Demo;

namespace Bridge.Tests.Cli;

/// <summary>The README's first command: <c>demo</c> on the embedded default exits 0 only when both material requests
/// completed, the shortage was reported and the line-side locations were replenished once each.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_CompletesEveryScenario()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var exitCode = await DemoRunner.RunAsync(timeout.Token);

        exitCode.ShouldBe(0);
    }
}
