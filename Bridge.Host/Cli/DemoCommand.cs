using System.CommandLine;

namespace Bridge.Host.Cli;

internal static class DemoCommand
{
    public static Command Create() => new("demo", "Runs the whole material-request scenario against simulated ERP, MES and WMS.");
}
