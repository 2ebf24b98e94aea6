using System.CommandLine;

namespace Bridge.Host.Cli;

/// <summary><c>opcua browse|read|write|subscribe</c> (owned by the OPC UA adapter work).</summary>
internal static class OpcUaCommand
{
    public static Command Create() => new("opcua", "Browse, read, write and subscribe to an OPC UA server.");
}
