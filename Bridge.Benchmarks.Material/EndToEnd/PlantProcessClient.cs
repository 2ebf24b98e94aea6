using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>Starts this benchmark again as the <c>plant</c> process (<see cref="PlantProcess"/>) and drives it.</summary>
internal sealed class PlantProcessClient : IAsyncDisposable
{
    private readonly Process _process;

    private PlantProcessClient(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the simulated systems listen (<c>/mes</c>, <c>/wms-a</c>).</summary>
    public Uri BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>Confirmations the host refused so far, as of the last phase.</summary>
    public long ConfirmFailures { get; private set; }

    public static async Task<PlantProcessClient> StartAsync()
    {
        var dll = Assembly.GetEntryAssembly()!.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(dll);
        }

        start.ArgumentList.Add("plant");
        var process = Process.Start(start) ?? throw new InvalidOperationException("the plant process did not start");
        var first = await process.StandardOutput.ReadLineAsync();
        if (first is null || !first.StartsWith("url ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the plant process did not say where it listens: {first}");
        }

        return new PlantProcessClient(process, new Uri(first[4..]));
    }

    public Task ConnectAsync(Uri host, string mesKey, string wmsKey, string erpKey, string adminKey) =>
        AskAsync($"host {host.AbsoluteUri} {mesKey} {wmsKey} {erpKey} {adminKey}");

    public Task SetUpAsync(int orders) => AskAsync(string.Create(CultureInfo.InvariantCulture, $"setup {orders}"));

    public Task RunAsync(int confirmers) => AskAsync(string.Create(CultureInfo.InvariantCulture, $"run {confirmers}"));

    /// <summary>A phase of requests <c>MR-B{prefix}-000000</c>…; the plant's stage marks go into <paramref name="clock"/>.</summary>
    public async Task<Phase> SendAsync(string prefix, int firstOrder, int count, double? perSecond, StageClock clock)
    {
        await _process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"send {prefix} {firstOrder} {count} {perSecond ?? 0:R}"));
        await _process.StandardInput.FlushAsync();
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("phase ", StringComparison.Ordinal))
            {
                var f = line.Split(' ');
                double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
                ConfirmFailures = long.Parse(f[6], CultureInfo.InvariantCulture);
                var ids = Enumerable.Range(0, count).Select(i => $"MR-B{prefix}-{i:000000}").ToArray();
                return new Phase(ids, D(1), int.Parse(f[2], CultureInfo.InvariantCulture), D(3), D(4), D(5));
            }

            if (!clock.Import(line))
            {
                throw new InvalidOperationException($"the plant process answered: {line}");
            }
        }

        throw new InvalidOperationException("the plant process ended during a phase");
    }

    private async Task AskAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var answer = await _process.StandardOutput.ReadLineAsync();
        if (answer != "ok")
        {
            throw new InvalidOperationException($"the plant process answered '{answer}' to '{command.Split(' ')[0]}'");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}
