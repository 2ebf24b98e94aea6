using System.Net.Sockets;
using Bridge.Host.Cli;

namespace Bridge.Tests.Cli;

/// <summary>The command line refuses what it does not know (exit 2, usage on stderr) instead of starting the host.</summary>
public class BridgeCommandLineTests
{
    [Theory]
    [InlineData("bom", "explode")]
    [InlineData("help")]
    [InlineData("mapping", "validate")]
    [InlineData("--frobnicate")]
    [InlineData("mappings", "validate", "--strict")]
    public async Task UnknownVerbOrOption_ExitsTwoWithUsage_AndStartsNoHost(params string[] args)
    {
        var listeningBefore = Listening(5080);
        var output = new StringWriter();
        var error = new StringWriter();

        // A started host would run until Ctrl-C: returning at all means none was started.
        var code = await BridgeCommandLine.RunAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(30));

        code.ShouldBe(2);
        error.ToString().ShouldContain("Usage:");
        error.ToString().ShouldContain(args.Length == 1 || args[0] == "mappings" ? args[^1] : args[0]);
        Listening(5080).ShouldBe(listeningBefore);
    }

    [Fact]
    public async Task Help_SaysThatNoCommandStartsTheHost()
    {
        var output = new StringWriter();

        var code = await BridgeCommandLine.RunAsync(["--help"], output, new StringWriter());

        code.ShouldBe(0);
        output.ToString().ShouldContain("With no command, starts the host");
    }

    [Fact]
    public async Task ProductionWithoutItsSettings_ListsWhatIsMissing_WithoutAStackTrace()
    {
        var error = new StringWriter();

        var code = await BridgeCommandLine.RunAsync(
            ["--Bridge:Mode=Production", "--urls=http://127.0.0.1:0", "--Bridge:Auth:Administrators:cli-test=cli-test-key"], new StringWriter(), error)
            .WaitAsync(TimeSpan.FromSeconds(60));

        code.ShouldBe(1);
        error.ToString().ShouldStartWith("Bridge configuration is invalid:");
        error.ToString().ShouldContain("Bridge:RabbitMqUri is required");
        error.ToString().ShouldContain("Bridge:PostgresConnectionString is required");
        error.ToString().ShouldNotContain("   at ");
        error.ToString().ShouldNotContain("Unhandled exception");
    }

    [Theory]
    [InlineData("--Bridge:Mode=Production")]
    [InlineData("--urls", "http://127.0.0.1:0", "--Bridge:ConfigDir=x")]
    public void HostConfigurationOverrides_AreNotUnknownTokens(params string[] tokens) =>
        HostOverrides.FirstUnknown(tokens).ShouldBeNull();

    private static bool Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
