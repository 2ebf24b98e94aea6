using System.CommandLine;
using Bridge.Host.Cli.Boms;

namespace Bridge.Host.Cli;

/// <summary><c>bom explode</c>: check a BOM before Bridge uses it.</summary>
internal static class BomCommand
{
    public static Command Create()
    {
        var command = new Command("bom", "Check bills of materials.");
        command.Subcommands.Add(ExplodeBomCommand.Create());
        return command;
    }
}
