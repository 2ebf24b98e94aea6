using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>Deferred writes: sent with COMMIT in one round trip, all or nothing, and a failed check is the write's own exception.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresUnitOfWorkTests
{
    static CounterState NewState(string name) => new() { CorrelationId = Guid.NewGuid(), CurrentState = "Active", Name = name, Count = 1 };

    [Fact]
    public async Task DeferredWrites_AreCommittedWithTheCommit_InOneRoundTrip()
    {
        await using var setup = await SetUpAsync();
        if (setup is null)
            return;
        var (dataSource, store, name) = setup;
        var state = NewState("deferred");
        await using (var connection = await dataSource.OpenConnectionAsync())
            await store.InsertAsync(connection, null, state, CancellationToken.None);

        using var roundTrips = new NpgsqlRoundTrips(name);
        await using (var unitOfWork = new PostgresUnitOfWork(dataSource))
        {
            await unitOfWork.BeginAsync(CancellationToken.None);
            await unitOfWork.GetConnectionAsync(CancellationToken.None);
            var before = roundTrips.Count;
            state.Count = 2;
            unitOfWork.Defer(store.UpdateLater(state));
            var other = NewState("inserted later");
            unitOfWork.Defer(store.InsertLater(other));
            unitOfWork.DeferredCount.ShouldBe(2);

            // Nothing is sent before the commit; the commit is one round trip for both writes and COMMIT.
            roundTrips.Count.ShouldBe(before);
            await unitOfWork.CommitAsync(CancellationToken.None);
            roundTrips.Count.ShouldBe(before + 1);
            unitOfWork.DeferredCount.ShouldBe(0);

            // The connection goes on: a second transaction on it works and sees the committed rows.
            await unitOfWork.BeginAsync(CancellationToken.None);
            var connection = await unitOfWork.GetConnectionAsync(CancellationToken.None);
            (await store.LoadAsync(connection, unitOfWork.Transaction, other.CorrelationId, CancellationToken.None)).ShouldNotBeNull();
            await unitOfWork.CommitAsync(CancellationToken.None);
        }

        await using var reader = await dataSource.OpenConnectionAsync();
        var loaded = await store.LoadAsync(reader, null, state.CorrelationId, CancellationToken.None);
        loaded!.Count.ShouldBe(2);
        loaded.Version.ShouldBe(2);
    }

    [Fact]
    public async Task StaleDeferredUpdate_FailsTheCommitWithConcurrencyException_AndNothingOfTheTransactionIsKept()
    {
        await using var setup = await SetUpAsync();
        if (setup is null)
            return;
        var (dataSource, store, _) = setup;
        var state = await StaleAsync(dataSource, store, "stale");

        var inserted = NewState("written before the stale update");
        await using (var unitOfWork = new PostgresUnitOfWork(dataSource))
        {
            await unitOfWork.BeginAsync(CancellationToken.None);
            var connection = await unitOfWork.GetConnectionAsync(CancellationToken.None);
            // A write sent at once, and one deferred before the failing one: both must be rolled back with it.
            await store.InsertAsync(connection, unitOfWork.Transaction, inserted, CancellationToken.None);
            unitOfWork.Defer(store.InsertLater(NewState("deferred before")));
            state.Count = 20; // state still says version 1; the row is at 2
            unitOfWork.Defer(store.UpdateLater(state));

            var error = await Should.ThrowAsync<ConcurrencyException>(() => unitOfWork.CommitAsync(CancellationToken.None));
            error.Message.ShouldContain(state.CorrelationId.ToString());
            unitOfWork.Transaction.ShouldBeNull();
            unitOfWork.DeferredCount.ShouldBe(0);

            // The connection is usable again: a new transaction begins and commits.
            await unitOfWork.BeginAsync(CancellationToken.None);
            await unitOfWork.RollbackAsync();
        }

        await using var check = await dataSource.OpenConnectionAsync();
        (await store.LoadAsync(check, null, inserted.CorrelationId, CancellationToken.None)).ShouldBeNull();
        (await store.LoadAsync(check, null, state.CorrelationId, CancellationToken.None))!.Count.ShouldBe(10);
        await using var count = new NpgsqlCommand($"select count(*) from {PostgresSagaStore<CounterState>.TableName} where state->>'Name' = 'deferred before'", check);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task DeferredInsertOfAnExistingSaga_FailsTheCommitWithConcurrencyException()
    {
        await using var setup = await SetUpAsync();
        if (setup is null)
            return;
        var (dataSource, store, _) = setup;
        var state = NewState("twice");
        await using (var connection = await dataSource.OpenConnectionAsync())
            await store.InsertAsync(connection, null, state, CancellationToken.None);

        await using var unitOfWork = new PostgresUnitOfWork(dataSource);
        await unitOfWork.BeginAsync(CancellationToken.None);
        var twin = NewState("twice");
        twin.CorrelationId = state.CorrelationId;
        unitOfWork.Defer(store.InsertLater(twin));
        await Should.ThrowAsync<ConcurrencyException>(() => unitOfWork.CommitAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CommitAndBegin_CommitsTheWrites_AndRunsTheNextInANewTransaction_InOneRoundTrip()
    {
        await using var setup = await SetUpAsync();
        if (setup is null)
            return;
        var (dataSource, store, name) = setup;
        var first = NewState("committed first");
        var ahead = NewState("read by the next transaction");
        await using (var connection = await dataSource.OpenConnectionAsync())
            await store.InsertAsync(connection, null, ahead, CancellationToken.None);

        using var roundTrips = new NpgsqlRoundTrips(name);
        await using var unitOfWork = new PostgresUnitOfWork(dataSource);
        await unitOfWork.BeginAsync(CancellationToken.None);
        var connectionOfWork = await unitOfWork.GetConnectionAsync(CancellationToken.None);
        var before = roundTrips.Count;
        unitOfWork.Defer(store.InsertLater(first));
        var next = new NpgsqlBatchCommand($"SELECT version FROM {PostgresSagaStore<CounterState>.TableName} WHERE id = @id");
        next.Parameters.AddWithValue("id", ahead.CorrelationId);
        var version = await unitOfWork.CommitAndBeginAsync([next], async (reader, ct) =>
        {
            // The checked insert's own (empty) result comes first; the next command's after it.
            while (reader.FieldCount != 1 || reader.GetName(0) != "version")
                (await reader.NextResultAsync(ct)).ShouldBeTrue();
            (await reader.ReadAsync(ct)).ShouldBeTrue();
            return reader.GetInt32(0);
        }, CancellationToken.None);

        roundTrips.Count.ShouldBe(before + 1, "the writes, COMMIT, BEGIN and the next command in one round trip");
        version.ShouldBe(1);
        unitOfWork.Transaction.ShouldNotBeNull("the next transaction stays open");
        unitOfWork.DeferredCount.ShouldBe(0);
        await using (var other = await dataSource.OpenConnectionAsync())
            (await store.LoadAsync(other, null, first.CorrelationId, CancellationToken.None)).ShouldNotBeNull("the first transaction committed");

        // The next transaction is one of its own: what it writes is seen by others only when it commits.
        var second = NewState("written by the next transaction");
        await store.InsertAsync(connectionOfWork, unitOfWork.Transaction, second, CancellationToken.None);
        await using (var other = await dataSource.OpenConnectionAsync())
            (await store.LoadAsync(other, null, second.CorrelationId, CancellationToken.None)).ShouldBeNull();
        await unitOfWork.CommitAsync(CancellationToken.None);
        await using (var other = await dataSource.OpenConnectionAsync())
            (await store.LoadAsync(other, null, second.CorrelationId, CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task CommitAndBegin_NextFailing_KeepsWhatTheCommitWrote_AndRollsBackTheNext()
    {
        await using var setup = await SetUpAsync();
        if (setup is null)
            return;
        var (dataSource, store, _) = setup;
        var first = NewState("committed before the failure");
        var second = NewState("written after BEGIN, before the failure");
        await using var unitOfWork = new PostgresUnitOfWork(dataSource);
        await unitOfWork.BeginAsync(CancellationToken.None);
        unitOfWork.Defer(store.InsertLater(first));

        var error = await Should.ThrowAsync<PostgresException>(() => unitOfWork.CommitAndBeginAsync(
            [store.InsertLater(second).Command, new NpgsqlBatchCommand("SELECT 1 / 0")], (_, _) => Task.FromResult(0), CancellationToken.None));
        error.SqlState.ShouldBe(PostgresErrorCodes.DivisionByZero);
        unitOfWork.Transaction.ShouldBeNull();
        unitOfWork.DeferredCount.ShouldBe(0);

        await using (var check = await dataSource.OpenConnectionAsync())
        {
            (await store.LoadAsync(check, null, first.CorrelationId, CancellationToken.None)).ShouldNotBeNull("COMMIT ran before the failure");
            (await store.LoadAsync(check, null, second.CorrelationId, CancellationToken.None)).ShouldBeNull("the next transaction rolled back");
        }

        // The connection is usable again.
        await unitOfWork.BeginAsync(CancellationToken.None);
        await unitOfWork.RollbackAsync();
    }

    [Fact]
    public async Task CommitAndBegin_StaleDeferredUpdate_FailsWithConcurrencyException_AndNothingIsKept_NorTheNextRun()
    {
        await using var setup = await SetUpAsync();
        if (setup is null)
            return;
        var (dataSource, store, _) = setup;
        var state = await StaleAsync(dataSource, store, "stale before commit-and-begin");

        var deferred = NewState("deferred before the stale update");
        var next = NewState("the next transaction's");
        await using var unitOfWork = new PostgresUnitOfWork(dataSource);
        await unitOfWork.BeginAsync(CancellationToken.None);
        unitOfWork.Defer(store.InsertLater(deferred));
        state.Count = 20;
        unitOfWork.Defer(store.UpdateLater(state));

        await Should.ThrowAsync<ConcurrencyException>(() => unitOfWork.CommitAndBeginAsync(
            [store.InsertLater(next).Command], (_, _) => Task.FromResult(0), CancellationToken.None));
        unitOfWork.Transaction.ShouldBeNull();

        await using var check = await dataSource.OpenConnectionAsync();
        (await store.LoadAsync(check, null, deferred.CorrelationId, CancellationToken.None)).ShouldBeNull();
        (await store.LoadAsync(check, null, next.CorrelationId, CancellationToken.None)).ShouldBeNull();
        (await store.LoadAsync(check, null, state.CorrelationId, CancellationToken.None))!.Count.ShouldBe(10);
    }

    /// <summary>A saga stored at version 1 and updated by another writer to version 2 (count 10): the instance returned still says version 1.</summary>
    static async Task<CounterState> StaleAsync(NpgsqlDataSource dataSource, PostgresSagaStore<CounterState> store, string name)
    {
        var state = NewState(name);
        await using var connection = await dataSource.OpenConnectionAsync();
        await store.InsertAsync(connection, null, state, CancellationToken.None);
        var winner = (await store.LoadAsync(connection, null, state.CorrelationId, CancellationToken.None))!;
        winner.Count = 10;
        await store.UpdateAsync(connection, null, winner, CancellationToken.None);
        return state;
    }

    /// <summary>Bridge's schema in the test database, a data source named for this test (its round trips are counted by name) and the saga store; null without the server.</summary>
    static async Task<UnitOfWorkSetUp?> SetUpAsync()
    {
        if (TestServers.Postgres is not { } connectionString)
            return null;
        var name = $"uow-{Guid.NewGuid():N}";
        (await TestDatabase.CreateAsync(connectionString)).Dispose();
        return new UnitOfWorkSetUp(new NpgsqlDataSourceBuilder(connectionString) { Name = name }.Build(), new PostgresSagaStore<CounterState>(TimeProvider.System), name);
    }

    sealed record UnitOfWorkSetUp(NpgsqlDataSource DataSource, PostgresSagaStore<CounterState> Store, string Name) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => DataSource.DisposeAsync();
    }
}
