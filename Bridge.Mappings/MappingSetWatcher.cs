using Bridge.Mappings.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bridge.Mappings;

/// <summary>
/// Hot reload: watches a configuration directory, validates a changed set of mappings as a whole and swaps it in
/// atomically. An invalid change is logged (every error) and the previous set keeps serving.
/// </summary>
public sealed class MappingSetWatcher : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly string _configDir;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _timer;
    private readonly Lock _reloadLock = new();
    private MappingSet _current;

    public MappingSetWatcher(string configDir, MappingSet initial, ILogger<MappingSetWatcher>? logger = null, TimeProvider? time = null)
    {
        _configDir = configDir;
        _current = initial;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _timer = _time.CreateTimer(_ => ReloadFromTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(configDir) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>The set serving now; read it per message, never cache it.</summary>
    public MappingSet Current => Volatile.Read(ref _current);

    /// <summary>Raised after a valid change was swapped in.</summary>
    public event Action<MappingSet>? Reloaded;

    /// <summary>Raised when a change was rejected; the previous set keeps serving.</summary>
    public event Action<IReadOnlyList<ConfigurationError>>? Rejected;

    /// <summary>Validates the directory now and swaps it in when valid (the watcher calls this after changes settle).</summary>
    public MappingLoadResult Reload()
    {
        lock (_reloadLock)
        {
            var result = MappingSet.LoadDirectory(_configDir, _time);
            if (result.Set is { } set && result.Errors.Count == 0)
            {
                Volatile.Write(ref _current, set);
                Log.MappingsReloaded(_logger, _configDir, set.Inbound.Count, set.Outbound.Count);
                Reloaded?.Invoke(set);
            }
            else
            {
                foreach (var error in result.Errors) Log.MappingReloadRejected(_logger, _configDir, error.ToString());
                Rejected?.Invoke(result.Errors);
            }
            return result;
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var extension = Path.GetExtension(e.FullPath);
        if (extension is ".yaml" or ".yml" or ".csv" || Directory.Exists(e.FullPath)) _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
    }

    private void ReloadFromTimer()
    {
        try
        {
            Reload();
        }
        catch (Exception ex)
        {
            Log.MappingReloadFailed(_logger, ex, _configDir);
        }
    }
}
