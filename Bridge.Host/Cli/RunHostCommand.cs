using Bridge.Host.Composition;
using Bridge.Host.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Cli;

/// <summary>
/// No verb: run the host until Ctrl-C. Exit 1 with every problem listed (no stack trace) when the configuration is
/// invalid — whether that is found while the host is built (files, settings read at composition) or as it starts.
/// </summary>
internal static class RunHostCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken ct)
    {
        WebApplication app;
        try
        {
            app = BridgeApplication.Build(args);
        }
        catch (InvalidConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            await ReportAsync(error, ex);
            return 1;
        }

        await using (app)
        {
            try
            {
                await app.RunAsync();
            }
            catch (OptionsValidationException ex)
            {
                await ReportAsync(error, ex);
                return 1;
            }
        }

        return 0;
    }

    private static Task ReportAsync(TextWriter error, OptionsValidationException ex) =>
        error.WriteLineAsync("Bridge configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, ex.Failures.Select(f => "  " + f)));
}
