namespace Bridge.Host.Domain.Stock;

/// <summary>
/// A number that grows whenever this host changes stock or reservations through <see cref="IStockView"/> (counted by
/// <see cref="VersionedStockView"/> after each change returns). Readers that keep something built from the stock
/// (the kit check's stock index) compare it to tell whether what they keep is still the stock.
/// </summary>
public sealed class StockVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Changed() => Interlocked.Increment(ref _value);
}
