using System.CommandLine;
using Bridge.Host.Cli.Operations;

namespace Bridge.Host.Cli;

/// <summary>
/// The verbs of <c>Bridge.Host</c>; no verb runs the host itself. Exit codes: 0 done, 1 the input or configuration
/// was wrong, 2 the command line was used wrongly (an unknown verb or option, with the usage).
/// </summary>
public static class BridgeCommandLine
{
    public const int UsageError = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Bridge: connects warehouse systems, the shop floor, ERP and TMS through canonical messages." + Environment.NewLine
            + "With no command, starts the host (until Ctrl-C); host settings may follow as --Key=Value," + Environment.NewLine
            + "e.g. --Bridge:Mode=Production --urls=http://127.0.0.1:5080.");
        // Unmatched tokens are host configuration overrides; RunAsync refuses those that are not.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, ct) => RunHostCommand.RunAsync([.. parse.UnmatchedTokens], parse.InvocationConfiguration.Error, ct));
        root.Subcommands.Add(BomCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(MappingsCommand.Create());
        root.Subcommands.Add(OpcUaCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(TraceCommand.Create());
        root.Subcommands.Add(KitCheckCommand.Create());
        root.Subcommands.Add(DeadLettersCommand.Create());
        return root;
    }

    /// <summary>The program: parse, refuse what is not known (exit 2 with the usage), else run the command.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parse = Create().Parse(args);
        var help = args.Contains("--help") || args.Contains("-h") || args.Contains("-?");
        // Only the root (the host) takes unmatched tokens, and only as configuration overrides; a verb takes none.
        var unknown = parse.CommandResult.Command is RootCommand
            ? HostOverrides.FirstUnknown(parse.UnmatchedTokens)
            : parse.UnmatchedTokens.FirstOrDefault();
        if (!help && (parse.Errors.Count > 0 || unknown is not null))
        {
            foreach (var message in parse.Errors.Select(e => e.Message))
            {
                await error.WriteLineAsync(message);
            }

            if (unknown is not null)
            {
                await error.WriteLineAsync($"Unknown command or option '{unknown}'.");
            }

            await error.WriteLineAsync();
            await parse.RootCommandResult.Command.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = error, Error = error });
            return UsageError;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
