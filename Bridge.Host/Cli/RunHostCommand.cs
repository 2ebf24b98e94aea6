namespace Bridge.Host.Cli;

internal static class RunHostCommand
{
    public static Task<int> RunAsync(CancellationToken ct) => Task.FromResult(0);
}
