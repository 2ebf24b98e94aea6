using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;

namespace Bridge.Tests.Persistence;

[Trait("Category", "Integration")]
public sealed class PostgresSagaStoreTests
{
    static CounterState NewState() => new()
    {
        CorrelationId = Guid.NewGuid(),
        CurrentState = "Active",
        Name = "store ✓ test",
        Count = 3,
        Total = 12345678.123456789m,
        StartedAt = new DateTimeOffset(2026, 11, 22, 16, 30, 15, 123, TimeSpan.FromHours(8)),
        Lines = [new CounterLine("A-100", 0.001m, "kg"), new CounterLine("100-A", 25m, "pcs")],
    };

    [Fact]
    public async Task InsertLoadUpdateDelete_RoundTripsStateAndBumpsVersion()
    {
        var connectionString = TestServers.Postgres;
        if (connectionString is null)
            return;
        await using var dataSource = await TestDatabase.CreateAsync(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var store = new PostgresSagaStore<CounterState>(TimeProvider.System);
        var state = NewState();

        await store.InsertAsync(connection, null, state, CancellationToken.None);
        state.Version.ShouldBe(1);

        var loaded = await store.LoadAsync(connection, null, state.CorrelationId, CancellationToken.None);
        loaded.ShouldNotBeNull();
        loaded.Version.ShouldBe(1);
        loaded.Name.ShouldBe("store ✓ test");
        loaded.Total.ShouldBe(12345678.123456789m);
        loaded.StartedAt.ShouldBe(state.StartedAt);
        loaded.StartedAt.Offset.ShouldBe(TimeSpan.FromHours(8));
        loaded.Lines.ShouldBe(state.Lines);

        loaded.Count = 4;
        loaded.Lines.Add(new CounterLine("B-7", 1.5m, "m"));
        await store.UpdateAsync(connection, null, loaded, CancellationToken.None);
        loaded.Version.ShouldBe(2);

        var reloaded = await store.LoadAsync(connection, null, state.CorrelationId, CancellationToken.None);
        reloaded!.Version.ShouldBe(2);
        reloaded.Count.ShouldBe(4);
        reloaded.Lines.Count.ShouldBe(3);

        await store.DeleteAsync(connection, null, reloaded, CancellationToken.None);
        (await store.LoadAsync(connection, null, state.CorrelationId, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Update_WithStaleVersion_ThrowsConcurrencyException()
    {
        var connectionString = TestServers.Postgres;
        if (connectionString is null)
            return;
        await using var dataSource = await TestDatabase.CreateAsync(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var store = new PostgresSagaStore<CounterState>(TimeProvider.System);
        var state = NewState();
        await store.InsertAsync(connection, null, state, CancellationToken.None);

        var first = (await store.LoadAsync(connection, null, state.CorrelationId, CancellationToken.None))!;
        var second = (await store.LoadAsync(connection, null, state.CorrelationId, CancellationToken.None))!;
        first.Count = 10;
        await store.UpdateAsync(connection, null, first, CancellationToken.None);

        second.Count = 20;
        var error = await Should.ThrowAsync<ConcurrencyException>(() => store.UpdateAsync(connection, null, second, CancellationToken.None));
        error.Message.ShouldContain(state.CorrelationId.ToString());
        second.Version.ShouldBe(1);
        await Should.ThrowAsync<ConcurrencyException>(() => store.DeleteAsync(connection, null, second, CancellationToken.None));

        var stored = (await store.LoadAsync(connection, null, state.CorrelationId, CancellationToken.None))!;
        stored.Count.ShouldBe(10);
        stored.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Insert_ExistingId_IsRejected()
    {
        var connectionString = TestServers.Postgres;
        if (connectionString is null)
            return;
        await using var dataSource = await TestDatabase.CreateAsync(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var store = new PostgresSagaStore<CounterState>(TimeProvider.System);
        var state = NewState();
        (await store.TryInsertAsync(connection, null, state, CancellationToken.None)).ShouldBeTrue();

        var twin = NewState();
        twin.CorrelationId = state.CorrelationId;
        (await store.TryInsertAsync(connection, null, twin, CancellationToken.None)).ShouldBeFalse();
        await Should.ThrowAsync<ConcurrencyException>(() => store.InsertAsync(connection, null, twin, CancellationToken.None));
    }

    /// <summary>
    /// Events of one busy instance (every delivery to one line-side location) used to fail at the write and retry with
    /// back-off; loaded for update, the second waits for the first to commit and then sees its version.
    /// </summary>
    [Fact]
    public async Task LoadForUpdate_WaitsForTheOtherEventsCommit_ThenUpdatesOnItsVersion()
    {
        var connectionString = TestServers.Postgres;
        if (connectionString is null)
            return;
        await using var dataSource = await TestDatabase.CreateAsync(connectionString);
        var store = new PostgresSagaStore<CounterState>(TimeProvider.System);
        var state = NewState();
        await using (var setup = await dataSource.OpenConnectionAsync())
            await store.InsertAsync(setup, null, state, CancellationToken.None);

        await using var first = await dataSource.OpenConnectionAsync();
        await using var firstTx = await first.BeginTransactionAsync();
        var firstEvent = (await store.LoadAsync(first, firstTx, state.CorrelationId, CancellationToken.None, forUpdate: true))!;

        await using var second = await dataSource.OpenConnectionAsync();
        await using var secondTx = await second.BeginTransactionAsync();
        var secondPid = second.ProcessID;
        var secondLoad = store.LoadAsync(second, secondTx, state.CorrelationId, CancellationToken.None, forUpdate: true);
        await UntilWaitingOnALockAsync(dataSource, secondPid);
        secondLoad.IsCompleted.ShouldBeFalse();

        firstEvent.Count = 4;
        await store.UpdateAsync(first, firstTx, firstEvent, CancellationToken.None);
        await firstTx.CommitAsync();

        var secondEvent = (await secondLoad)!;
        secondEvent.Version.ShouldBe(2);
        secondEvent.Count.ShouldBe(4);
        secondEvent.Count = 5;
        await store.UpdateAsync(second, secondTx, secondEvent, CancellationToken.None);
        await secondTx.CommitAsync();
        await using var check = await dataSource.OpenConnectionAsync();
        (await store.LoadAsync(check, null, state.CorrelationId, CancellationToken.None))!.ShouldSatisfyAllConditions(
            s => s.Count.ShouldBe(5), s => s.Version.ShouldBe(3));
    }

    static async Task UntilWaitingOnALockAsync(Npgsql.NpgsqlDataSource dataSource, int pid)
    {
        for (var i = 0; i < 2000; i++)
        {
            await using var command = dataSource.CreateCommand("select wait_event_type = 'Lock' from pg_stat_activity where pid = @pid");
            command.Parameters.AddWithValue("pid", pid);
            if (await command.ExecuteScalarAsync() is true)
                return;
            await Task.Delay(10);
        }

        throw new TimeoutException($"backend {pid} never waited on the row lock");
    }
}
