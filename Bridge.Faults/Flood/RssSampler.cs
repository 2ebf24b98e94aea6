using System.Globalization;

namespace Bridge.Faults.Flood;

/// <summary>
/// Samples a process's resident memory (VmRSS in /proc/PID/status) once a second while a run goes on: the peak, and the
/// peak of the first tenth of the run, to show whether memory grows with the number of payloads or stays bounded.
/// </summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Func<int?> _pid;
    private readonly Func<double> _progress;
    private long _peakKb;
    private long _earlyPeakKb;
    private int _disposed;

    /// <param name="pid">The process to watch (read anew each second: a restarted host has another pid).</param>
    /// <param name="progress">How far the run is, 0 to 1.</param>
    public RssSampler(Func<int?> pid, Func<double> progress)
    {
        _pid = pid;
        _progress = progress;
        _loop = LoopAsync();
    }

    public long PeakMb => Interlocked.Read(ref _peakKb) / 1024;

    public long EarlyPeakMb => Interlocked.Read(ref _earlyPeakKb) / 1024;

    public static long? ReadKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (_pid() is { } pid && ReadKb(pid) is { } kb)
            {
                if (kb > Interlocked.Read(ref _peakKb)) Interlocked.Exchange(ref _peakKb, kb);
                if (_progress() <= 0.1 && kb > Interlocked.Read(ref _earlyPeakKb)) Interlocked.Exchange(ref _earlyPeakKb, kb);
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Stops sampling; the figures stay readable. Safe to call twice (the scenario stops it before it reports).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
