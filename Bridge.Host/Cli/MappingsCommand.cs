using System.CommandLine;
using Bridge.Host.Cli.Mappings;

namespace Bridge.Host.Cli;

/// <summary><c>mappings validate</c> and <c>mappings test</c>: check YAML mappings before deploying them.</summary>
internal static class MappingsCommand
{
    public static Command Create()
    {
        var command = new Command("mappings", "Validate and test YAML mappings.");
        command.Subcommands.Add(ValidateMappingsCommand.Create());
        command.Subcommands.Add(TestMappingsCommand.Create());
        return command;
    }
}
