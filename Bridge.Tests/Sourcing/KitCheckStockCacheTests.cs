using Bridge.Contracts.Model;
using Bridge.Host.Domain.Sourcing;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.KitChecks;

namespace Bridge.Tests.Sourcing;

/// <summary>
/// The kit checks' stock index kept between checks: read once while the stock stays as it is, dropped when this host
/// changes stock through the stock view, and when older than <see cref="KitCheckStockCache.MaxAge"/> (changes the
/// version cannot count: another host's, or one committed later by a consumed message's transaction).
/// </summary>
public class KitCheckStockCacheTests
{
    private static readonly DateTimeOffset Now = SourcingServiceTests.Now;

    private readonly SettableClock _clock = new(Now);
    private readonly InMemoryStockView _inner = new();
    private readonly CountingStockView _counted;
    private readonly VersionedStockView _stock;
    private readonly KitCheckStockCache _cache;

    public KitCheckStockCacheTests()
    {
        var version = new StockVersion();
        _counted = new CountingStockView(_inner);
        _stock = new VersionedStockView(_counted, version);
        _cache = new KitCheckStockCache(version, _clock);
    }

    [Fact]
    public async Task SecondCheck_WithoutAStockChange_ReadsOnlyTheMaterialsNotReadYet()
    {
        await Put("M", 20);
        await Put("N", 5);

        (await Free("M")).ShouldBe(20m);
        (await Free("M")).ShouldBe(20m);
        var both = await _cache.GetAsync(_stock, ["M", "N"], CancellationToken.None);

        _counted.Reads.ShouldBe([["M"], ["N"]]);
        both.Of("N")!.LotCount.ShouldBe(1);
    }

    [Fact]
    public async Task AChangeThroughTheStockView_IsSeenByTheNextCheck()
    {
        await Put("M", 20);
        (await Free("M")).ShouldBe(20m);

        await Put("M", 7);
        (await Free("M")).ShouldBe(7m);
        await _stock.ReserveAsync("R-1", [new MaterialLine { Material = "M", Quantity = 3, Unit = "pcs" }], new HashSet<string>(), CancellationToken.None);
        (await Free("M")).ShouldBe(4m);
        _counted.Reads.Count.ShouldBe(3);
    }

    [Fact]
    public async Task AChangeTheVersionCannotCount_IsSeenOnceTheIndexIsOlderThanMaxAge()
    {
        await Put("M", 20);
        (await Free("M")).ShouldBe(20m);

        // Another host (or a transaction that commits after the stock view returned): not counted here.
        await _inner.ApplyAsync(Record("M", 7), Now, CancellationToken.None);
        _clock.Now = Now + KitCheckStockCache.MaxAge;
        (await Free("M")).ShouldBe(20m);
        _clock.Now = Now + KitCheckStockCache.MaxAge + TimeSpan.FromMilliseconds(1);
        (await Free("M")).ShouldBe(7m);
    }

    [Fact]
    public async Task ChecksOnOneIndex_TakeFromTheirOwnPools_NeverFromTheIndex()
    {
        await Put("M", 20);
        var index = await _cache.GetAsync(_stock, ["M"], CancellationToken.None);
        var line = new MaterialLine { Material = "M", Quantity = 15, Unit = "pcs" };
        var sourcing = new SourcingService(SourcingServiceTests.Sites);

        var first = new StockPool(index);
        sourcing.Source(first, line, "P-BER", Now, Now.AddHours(1)).Shortage.ShouldBe(0m);
        sourcing.Source(first, line, "P-BER", Now, Now.AddHours(1)).Shortage.ShouldBe(10m);
        sourcing.Source(new StockPool(index), line, "P-BER", Now, Now.AddHours(1)).Shortage.ShouldBe(0m);
        index.Of("M")!.Quantities.ShouldBe([20m]);
    }

    private Task Put(string material, decimal quantity) => _stock.ApplyAsync(Record(material, quantity), Now, CancellationToken.None);

    private static InventoryRecord Record(string material, decimal quantity) =>
        new() { Warehouse = "WH-A", Material = material, Lot = "L1", Location = "A-01", Quantity = quantity, Unit = "pcs" };

    /// <summary>What a check of one line of 1,000 pcs at P-BER can have of the material.</summary>
    private async Task<decimal> Free(string material)
    {
        var index = await _cache.GetAsync(_stock, [material], CancellationToken.None);
        var decision = new SourcingService(SourcingServiceTests.Sites).Source(
            new StockPool(index), new MaterialLine { Material = material, Quantity = 1000, Unit = "pcs" }, "P-BER", Now, Now.AddHours(1));
        return decision.Required - decision.Shortage;
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>The stock view, remembering which materials each availability read asked for.</summary>
    private sealed class CountingStockView(IStockView inner) : IStockView
    {
        public List<string[]> Reads { get; } = [];

        public Task<IReadOnlyDictionary<string, IReadOnlyList<StockLocation>>> GetAvailableAsync(IReadOnlyCollection<string> materials, CancellationToken ct)
        {
            Reads.Add(materials.ToArray());
            return inner.GetAvailableAsync(materials, ct);
        }

        public Task<StockUpdate> ApplyAsync(InventoryRecord record, DateTimeOffset asOf, CancellationToken ct) => inner.ApplyAsync(record, asOf, ct);

        public Task<StockUpdate> ReplaceWarehouseAsync(string warehouse, IReadOnlyList<InventoryRecord> records, DateTimeOffset asOf, CancellationToken ct) =>
            inner.ReplaceWarehouseAsync(warehouse, records, asOf, ct);

        public Task<IReadOnlyList<StockEntry>> ListAsync(string? material, CancellationToken ct) => inner.ListAsync(material, ct);

        public Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyList<MaterialLine> required, IReadOnlySet<string> preferredWarehouses, CancellationToken ct) =>
            inner.ReserveAsync(reservationId, required, preferredWarehouses, ct);

        public Task ConsumeAsync(string reservationId, string warehouse, DateTimeOffset pickedAt, CancellationToken ct) => inner.ConsumeAsync(reservationId, warehouse, pickedAt, ct);

        public Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, CancellationToken ct) => inner.ReleaseAsync(reservationId, ct);

        public Task<IReadOnlyList<StockReservation>> ListReservationsAsync(CancellationToken ct) => inner.ListReservationsAsync(ct);

        public Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct) =>
            inner.ReserveAsync(reservationId, materials, plan, ct);

        public Task<IReadOnlyList<MaterialLine>?> ReserveMoreAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct) =>
            inner.ReserveMoreAsync(reservationId, materials, plan, ct);

        public Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, string warehouse, CancellationToken ct) => inner.ReleaseAsync(reservationId, warehouse, ct);

        public Task<IReadOnlyList<MaterialLine>> TransferAsync(
            string reservationId, IReadOnlyList<MaterialLine> lines, string toWarehouse, string toLocation, DateTimeOffset arrivedAt, CancellationToken ct) =>
            inner.TransferAsync(reservationId, lines, toWarehouse, toLocation, arrivedAt, ct);
    }
}
