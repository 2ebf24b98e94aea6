using System.CommandLine;
using Bridge.Host.Cli.Operations;

namespace Bridge.Host.Cli;

/// <summary><c>audit verify</c>: check the audit trail's hash chains.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "The audit trail of every message in and out.");
        command.Subcommands.Add(AuditVerifyCommand.Create());
        return command;
    }
}
