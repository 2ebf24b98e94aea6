using Bridge.Host.Composition;
using Bridge.Host.Infrastructure.Configuration;

namespace Bridge.Host.Cli;

/// <summary>No verb: run the host until Ctrl-C. Exit 1 with every problem listed when the configuration is invalid.</summary>
internal static class RunHostCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        WebApplication app;
        try
        {
            app = BridgeApplication.Build(args);
        }
        catch (InvalidConfigurationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        await using (app)
        {
            try
            {
                await app.RunAsync();
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException ex)
            {
                await Console.Error.WriteLineAsync("Bridge configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, ex.Failures.Select(f => "  " + f)));
                return 1;
            }
        }

        return 0;
    }
}
