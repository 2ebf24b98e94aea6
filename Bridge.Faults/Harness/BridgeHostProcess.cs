using System.Diagnostics;
using System.Globalization;

namespace Bridge.Faults.Harness;

/// <summary>
/// One Bridge host as a child process: the Release build (<c>dotnet Bridge.Host.dll</c>) in production mode on the
/// scenario's virtual host and database, its own HTTP port, every system's base URL pointed at the receivers, its log
/// appended to <c>{work}/hosts/{name}/host.log</c>. <see cref="Kill"/> is SIGKILL; <see cref="StopAsync"/> is SIGTERM
/// and a graceful shutdown; <see cref="StartAsync"/> (again) starts it with the same settings. Several can run at once.
/// </summary>
public sealed class BridgeHostProcess : IAsyncDisposable
{
    private static readonly string[] OutboundSystems = ["erp", "mes", "wms-a", "wms-b", "tms"];
    private readonly Dictionary<string, string> _environment;
    private readonly string _dll;
    private readonly string _directory;
    private readonly Lock _logLock = new();
    private Process? _process;
    private const string HostRuntimePrefix = "BRIDGE_FAULTS_HOST_DOTNET_";
    private const string HostEnvironmentPrefix = "BRIDGE_FAULTS_HOST_ENV_";

    private StreamWriter? _log;

    public BridgeHostProcess(FaultServers servers, ScenarioSpace space, Receivers receivers, string name, int port,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        Name = name;
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        _dll = servers.HostDll;
        _directory = Directory.CreateDirectory(Path.Combine(space.Directory, "..", "hosts", space.Name + "-" + name)).FullName;
        LogFile = Path.Combine(_directory, "host.log");
        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Urls"] = BaseUrl.AbsoluteUri.TrimEnd('/'),
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Bridge__Mode"] = "Production",
            ["Bridge__RabbitMqUri"] = space.RabbitMq.AbsoluteUri,
            ["Bridge__PostgresConnectionString"] = space.Postgres,
            ["Bridge__ConfigDir"] = space.ConfigDirectory,
            ["Bridge__Auth__Administrators__faults"] = FaultKeys.Administrator,
            ["Bridge__Telemetry__BufferDirectory"] = Path.Combine(_directory, "telemetry-buffer"),
            ["Bridge__Adapters__Mqtt__embedded__Host"] = servers.MqttHost,
            ["Bridge__Adapters__Mqtt__embedded__Port"] = servers.MqttPort.ToString(CultureInfo.InvariantCulture),
            // One persistent MQTT session per scenario: what a scenario left queued at the broker never reaches the next.
            ["Bridge__Adapters__Mqtt__embedded__ClientId"] = "bridge-" + space.Name,
            ["Bridge__Adapters__Http__default__RetryBaseDelay"] = "00:00:00.200",
            ["Serilog__MinimumLevel__Default"] = "Information",
            ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (system, key) in FaultKeys.Systems)
        {
            _environment[$"Bridge__ApiKeys__{system.Replace('-', '_')}"] = key;
        }

        foreach (var system in OutboundSystems)
        {
            _environment[$"Bridge__Systems__{system.Replace('-', '_')}__BaseUrl"] = receivers.UrlOf(system).AbsoluteUri;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    public string LogFile { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running process's id (also in <c>host.pid</c> beside the log, for ./faults.sh's clean-up); null when stopped.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200 (at most <paramref name="timeout"/>, default 3 minutes: a loaded 2-core machine can take over a minute).</summary>
    public async Task StartAsync(CancellationToken ct, TimeSpan? timeout = null)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"host {Name} is already running");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(_dll);
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        // Runtime settings for the hosts alone (a GC trial: BRIDGE_FAULTS_HOST_DOTNET_GCHeapHardLimit=…); a DOTNET_ variable
        // set for ./faults.sh would reach the driver too.
        foreach (var key in System.Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(k => k.StartsWith(HostRuntimePrefix, StringComparison.Ordinal)))
        {
            info.Environment["DOTNET_" + key[HostRuntimePrefix.Length..]] = System.Environment.GetEnvironmentVariable(key);
        }

        // Any other variable for the hosts alone, e.g. glibc's BRIDGE_FAULTS_HOST_ENV_MALLOC_ARENA_MAX=2 (the servers and the driver keep theirs).
        foreach (var key in System.Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(k => k.StartsWith(HostEnvironmentPrefix, StringComparison.Ordinal)))
        {
            info.Environment[key[HostEnvironmentPrefix.Length..]] = System.Environment.GetEnvironmentVariable(key);
        }

        _log ??= new StreamWriter(new FileStream(LogFile, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        Write($"---- [faults] starting {Name} on {BaseUrl}");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await File.WriteAllTextAsync(Path.Combine(_directory, "host.pid"), process.Id.ToString(CultureInfo.InvariantCulture), ct);
        await WaitReadyAsync(timeout ?? TimeSpan.FromMinutes(3), ct);
    }

    /// <summary>SIGKILL: no shutdown code runs, whatever was in flight is cut.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            Write($"---- [faults] SIGKILL {Name}");
            process.Kill();
            process.WaitForExit();
        }
    }

    /// <summary>SIGTERM and a graceful shutdown (killed if it has not ended within 60 s).</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        Write($"---- [faults] SIGTERM {Name}");
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(ct);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill();
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; throws with the log's tail when it does not in time or the process ended.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < timeout)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"host {Name} exited while starting; log {LogFile}: {Tail()}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"host {Name} was not ready within {timeout.TotalSeconds:0} s; log {LogFile}: {Tail()}");
    }

    /// <summary>An HTTP client for this host; dispose it.</summary>
    public HttpClient Client(TimeSpan? timeout = null) => new() { BaseAddress = BaseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    /// <summary>Lines of this host's log that contain <paramref name="text"/> (e.g. " ERR ", "Unhandled").</summary>
    public IReadOnlyList<string> LogLines(string text)
    {
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _process?.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
    }

    private string Tail()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n');
            return string.Join(" | ", lines.TakeLast(8));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
