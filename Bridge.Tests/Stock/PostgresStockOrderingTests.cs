using Bridge.Contracts.Model;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.Projections;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence;
using Npgsql;

namespace Bridge.Tests.Stock;

[Trait("Category", "Integration")]
public sealed class PostgresStockOrderingTests : StockOrderingTests
{
    private NpgsqlDataSource? _dataSource;
    private string? _connectionString;

    protected override async Task<IStockView?> CreateAsync()
    {
        if (TestServers.Postgres is null)
        {
            return null;
        }

        _connectionString = await TestServers.CreateDatabaseAsync("stock_order");
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        await using (var command = _dataSource.CreateCommand(new StockSchemaScript().Sql))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new PostgresStockView(new PostgresSession(_dataSource));
    }

    [Fact]
    public async Task ConcurrentChangesToOneBin_TheNewestWins_WhicheverCommitsLast()
    {
        if (await CreateAsync() is not { } view)
        {
            return;
        }

        await view.ApplyAsync(Record("A", 1), T0, default);
        // Barrier: hold the material's stock lock, start both changes (both block on it), then let them race.
        await using var holder = await _dataSource!.OpenConnectionAsync();
        await using var tx = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("select pg_advisory_xact_lock(7411, hashtext('A') & 255)", holder, tx))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var newer = view.ApplyAsync(Record("A", 2000), T0.AddMinutes(2), default);
        var older = view.ApplyAsync(Record("A", 2400), T0.AddMinutes(1), default);
        await UntilBlockedAsync(2);
        await tx.CommitAsync();
        await Task.WhenAll(newer, older);

        (await AvailableAsync(view, "A")).ShouldBe(2000m);
    }

    [Fact]
    public async Task ReservationInARolledBackUnitOfWork_IsNotKept()
    {
        if (await CreateAsync() is not { } view)
        {
            return;
        }

        await view.ApplyAsync(Record("A", 10), T0, default);
        await using (var unitOfWork = new PostgresUnitOfWork(_dataSource!))
        {
            var inSaga = new PostgresStockView(new PostgresSession(_dataSource!, unitOfWork));
            await unitOfWork.BeginAsync(default);
            (await inSaga.ReserveAsync("REQ-9", [new MaterialLine { Material = "A", Quantity = 10, Unit = "pcs" }], new HashSet<string>(), default)).ShouldNotBeNull();
            await unitOfWork.RollbackAsync();
        }

        (await view.ListReservationsAsync(default)).ShouldBeEmpty();
        (await AvailableAsync(view, "A")).ShouldBe(10m);
    }

    [Fact]
    public async Task PickAndReport_UpdateTheBinsRowsInPlace_AndDeleteOnlyAStatusThatIsGone()
    {
        if (await CreateAsync() is not { } view)
        {
            return;
        }

        await view.ReplaceWarehouseAsync("WH-A", [Record("A", 10), Record("A", 4, status: InventoryStatus.Blocked)], T0, default);
        await using (var unitOfWork = new PostgresUnitOfWork(_dataSource!))
        {
            var inSaga = new PostgresStockView(new PostgresSession(_dataSource!, unitOfWork));
            await unitOfWork.BeginAsync(default);
            (await inSaga.ReserveAsync("REQ-1", [new MaterialLine { Material = "A", Quantity = 3, Unit = "pcs" }], new HashSet<string>(), default)).ShouldNotBeNull();
            var afterReserve = await StockRowChangesAsync(unitOfWork);
            await inSaga.ConsumeAsync("REQ-1", "WH-A", T0.AddMinutes(2), default);
            // The pick changes the available row's quantity: one update, no row deleted or inserted (the blocked row is
            // not written at all: its values did not change).
            (await StockRowChangesAsync(unitOfWork) - afterReserve).ShouldBe((Inserted: 0L, Updated: 1L, Deleted: 0L));

            // A report of the bin as available only: the blocked row goes, the available one is updated in place.
            await inSaga.ApplyAsync(Record("A", 6), T0.AddMinutes(3), default);
            (await StockRowChangesAsync(unitOfWork) - afterReserve).ShouldBe((Inserted: 0L, Updated: 2L, Deleted: 1L));
            await unitOfWork.CommitAsync(default);
        }

        (await AvailableAsync(view, "A")).ShouldBe(6m);
        (await view.ListAsync("A", default)).Select(e => (e.Status, e.Quantity)).ShouldBe([(InventoryStatus.Available, 6m)]);
    }

    [Fact]
    public async Task Pick_ReadsItsReservationAndBinsUnderTheLockInOneRoundTrip_AndWritesInOne()
    {
        if (await CreateAsync() is not { } view)
        {
            return;
        }

        await view.ReplaceWarehouseAsync("WH-A", [Record("A", 10), Record("B", 7)], T0, default);
        var name = $"stock-pick-{Guid.NewGuid():N}";
        await using var named = new NpgsqlDataSourceBuilder(_connectionString!) { Name = name }.Build();
        await using (var unitOfWork = new PostgresUnitOfWork(named))
        {
            var inSaga = new PostgresStockView(new PostgresSession(named, unitOfWork));
            await unitOfWork.BeginAsync(default);
            (await inSaga.ReserveAsync("REQ-2", [new MaterialLine { Material = "A", Quantity = 3, Unit = "pcs" }, new MaterialLine { Material = "B", Quantity = 2, Unit = "pcs" }], new HashSet<string>(), default)).ShouldNotBeNull();
            using var roundTrips = new NpgsqlRoundTrips(name);
            await inSaga.ConsumeAsync("REQ-2", "WH-A", T0.AddMinutes(2), default);
            roundTrips.Count.ShouldBe(2, "the lock, the reservation's lines and its bins' rows in one round trip; the writes in one");
            await unitOfWork.CommitAsync(default);
        }

        (await AvailableAsync(view, "A")).ShouldBe(7m);
        (await AvailableAsync(view, "B")).ShouldBe(5m);
        (await view.ListReservationsAsync(default)).ShouldBeEmpty();
        // A pick of a reservation that is gone (the same confirmation again) changes nothing.
        await view.ConsumeAsync("REQ-2", "WH-A", T0.AddMinutes(3), default);
        (await AvailableAsync(view, "A")).ShouldBe(7m);
    }

    /// <summary>Rows of <c>stock</c> inserted, updated and deleted so far by the unit of work's open transaction.</summary>
    private static async Task<StockRowChanges> StockRowChangesAsync(PostgresUnitOfWork unitOfWork)
    {
        var connection = await unitOfWork.GetConnectionAsync(default);
        await using var command = unitOfWork.CreateCommand(connection,
            "select pg_stat_get_xact_tuples_inserted('stock'::regclass), pg_stat_get_xact_tuples_updated('stock'::regclass), pg_stat_get_xact_tuples_deleted('stock'::regclass)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StockRowChanges(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private readonly record struct StockRowChanges(long Inserted, long Updated, long Deleted)
    {
        public static (long Inserted, long Updated, long Deleted) operator -(StockRowChanges a, StockRowChanges b) =>
            (a.Inserted - b.Inserted, a.Updated - b.Updated, a.Deleted - b.Deleted);
    }

    private async Task UntilBlockedAsync(int sessions)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var command = _dataSource!.CreateCommand(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())");
            if ((long)(await command.ExecuteScalarAsync())! >= sessions)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{sessions} stock changes did not reach the lock");
            }

            await Task.Delay(10);
        }
    }
}
