namespace Bridge.Host.Processes.Alerts;

/// <summary>The stock alert conditions raised so far, so each is raised once per time it begins, not on every run.</summary>
public interface IStockAlertStore
{
    Task<IReadOnlyList<StockAlertMark>> ListAsync(CancellationToken ct);

    /// <summary>The condition was raised for the <paramref name="occurrence"/>th time and holds. Idempotent.</summary>
    Task MarkRaisedAsync(string key, int occurrence, DateTimeOffset at, CancellationToken ct);

    /// <summary>The condition no longer holds; it is raised again when it comes back.</summary>
    Task MarkClearedAsync(string key, DateTimeOffset at, CancellationToken ct);
}
