using System.CommandLine;
using Bridge.Host.Demo;

namespace Bridge.Host.Cli;

internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Runs the whole material-request scenario against simulated ERP, MES and WMS (embedded, nothing to install).");
        command.SetAction((_, ct) => DemoRunner.RunAsync(ct));
        return command;
    }
}
