using System.CommandLine;

namespace Bridge.Host.Cli;

/// <summary>The verbs of <c>Bridge.Host</c>. No verb runs the host itself.</summary>
public static class BridgeCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Bridge: connects warehouse systems, the shop floor, ERP and TMS through canonical messages.");
        // Unmatched tokens are host configuration overrides: --Bridge:Mode=Production, --urls=...
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, ct) => RunHostCommand.RunAsync([.. parse.UnmatchedTokens], ct));
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(MappingsCommand.Create());
        root.Subcommands.Add(OpcUaCommand.Create());
        return root;
    }
}
