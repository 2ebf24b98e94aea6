using System.CommandLine;
using Bridge.Host.Cli.OpcUa;

namespace Bridge.Host.Cli;

/// <summary><c>opcua browse|read|write|subscribe|cert</c>: look at and poke an OPC UA server the way Bridge sees it.</summary>
internal static class OpcUaCommand
{
    public static Command Create()
    {
        var command = new Command("opcua", "Browse, read, write and subscribe to an OPC UA server.");
        command.Subcommands.Add(OpcUaBrowseCommand.Create());
        command.Subcommands.Add(OpcUaReadCommand.Create());
        command.Subcommands.Add(OpcUaWriteCommand.Create());
        command.Subcommands.Add(OpcUaSubscribeCommand.Create());
        command.Subcommands.Add(OpcUaCertCommand.Create());
        return command;
    }
}
