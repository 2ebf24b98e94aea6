using MassTransit;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// SQL for one saga type's table with optimistic concurrency: every write names the version it read, and a write that
/// finds another version throws <see cref="ConcurrencyException"/> so the endpoint's retry reloads and re-runs the event.
/// A saga marked <see cref="ISagaLoadedForUpdate"/> is loaded <c>FOR UPDATE</c> by its events, so concurrent events of
/// one busy instance wait for each other's commit instead of failing at the write and retrying with back-off.
/// </summary>
public sealed class PostgresSagaStore<TSaga>(TimeProvider time)
    where TSaga : class, ISaga
{
    static readonly string Table = SagaTable.NameFor(typeof(TSaga));
    static readonly string SelectSql = $"SELECT version, state::text FROM {Table} WHERE id = @id";
    static readonly string SelectForUpdateSql = SelectSql + " FOR UPDATE";
    static readonly string SelectAllSql = $"SELECT id, version, state::text FROM {Table}";
    static readonly string InsertSql = $"INSERT INTO {Table} (id, version, state, updated_at) VALUES (@id, @version, @state, @at) ON CONFLICT (id) DO NOTHING";
    static readonly string UpdateSql = $"UPDATE {Table} SET version = @version, state = @state, updated_at = @at WHERE id = @id AND version = @old";
    static readonly string DeleteSql = $"DELETE FROM {Table} WHERE id = @id AND version = @old";

    public static string TableName => Table;

    /// <summary>Whether an event locks the instance when it loads it (<see cref="ISagaLoadedForUpdate"/>).</summary>
    public static bool LoadsForUpdate { get; } = typeof(ISagaLoadedForUpdate).IsAssignableFrom(typeof(TSaga));

    /// <summary>The load by id (parameter <c>id</c>; columns version, state), locking the row when <paramref name="forUpdate"/>.</summary>
    public static string LoadSql(bool forUpdate) => forUpdate ? SelectForUpdateSql : SelectSql;

    /// <param name="forUpdate">Lock the row until the transaction ends (an event about to change an <see cref="ISagaLoadedForUpdate"/> instance).</param>
    public async Task<TSaga?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, CancellationToken ct, bool forUpdate = false)
    {
        await using var command = new NpgsqlCommand(LoadSql(forUpdate && transaction is not null), connection, transaction);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            return null;
        return Materialize(id, reader.GetInt32(0), reader.GetString(1));
    }

    /// <summary>Every stored instance; used only for query-based correlation, which has no index to use.</summary>
    public async Task<List<TSaga>> LoadAllAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var result = new List<TSaga>();
        await using var command = new NpgsqlCommand(SelectAllSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            result.Add(Materialize(reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2)));
        return result;
    }

    /// <returns>false when a row with this id already exists.</returns>
    public async Task<bool> TryInsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, TSaga instance, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        AddInsertParameters(command.Parameters, instance);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    public async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, TSaga instance, CancellationToken ct)
    {
        if (!await TryInsertAsync(connection, transaction, instance, ct).ConfigureAwait(false))
            throw CreatedConcurrently(instance.CorrelationId);
    }

    public async Task UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, TSaga instance, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(UpdateSql, connection, transaction);
        var old = AddUpdateParameters(command.Parameters, instance);
        if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
        {
            Versioned(instance).Version = old;
            throw ChangedSince(instance.CorrelationId, old);
        }
    }

    public async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, TSaga instance, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(DeleteSql, connection, transaction);
        var version = AddDeleteParameters(command.Parameters, instance);
        if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
            throw ChangedSince(instance.CorrelationId, version);
    }

    /// <summary>
    /// <see cref="InsertAsync"/> sent with the commit (<see cref="PostgresUnitOfWork.Defer"/>); an existing row fails the
    /// commit with <see cref="ConcurrencyException"/>.
    /// </summary>
    public DeferredWrite InsertLater(TSaga instance)
    {
        var command = new NpgsqlBatchCommand(RowsExpected.Sql(InsertSql));
        AddInsertParameters(command.Parameters, instance);
        var id = instance.CorrelationId;
        return Checked(command, new RowsExpected(() => CreatedConcurrently(id)));
    }

    /// <summary>
    /// <see cref="UpdateAsync"/> sent with the commit: another version than the one read fails the commit with
    /// <see cref="ConcurrencyException"/> (the endpoint's retry reloads and re-runs the event, as before).
    /// </summary>
    public DeferredWrite UpdateLater(TSaga instance)
    {
        var command = new NpgsqlBatchCommand(RowsExpected.Sql(UpdateSql));
        var old = AddUpdateParameters(command.Parameters, instance);
        var id = instance.CorrelationId;
        return Checked(command, new RowsExpected(() => ChangedSince(id, old)));
    }

    /// <summary><see cref="DeleteAsync"/> sent with the commit.</summary>
    public DeferredWrite DeleteLater(TSaga instance)
    {
        var command = new NpgsqlBatchCommand(RowsExpected.Sql(DeleteSql));
        var version = AddDeleteParameters(command.Parameters, instance);
        var id = instance.CorrelationId;
        return Checked(command, new RowsExpected(() => ChangedSince(id, version)));
    }

    static DeferredWrite Checked(NpgsqlBatchCommand command, RowsExpected check) => new(check.Bind(command), check);

    /// <summary>The insert's parameters; the instance is at version 1.</summary>
    void AddInsertParameters(NpgsqlParameterCollection parameters, TSaga instance)
    {
        Versioned(instance).Version = 1;
        parameters.AddWithValue("id", instance.CorrelationId);
        parameters.AddWithValue("version", 1);
        parameters.AddWithValue("state", NpgsqlDbType.Jsonb, SagaStateSerializer.Serialize(instance));
        parameters.AddWithValue("at", time.GetUtcNow());
    }

    /// <summary>The update's parameters; the instance moves to the next version. Returns the version it was read at.</summary>
    int AddUpdateParameters(NpgsqlParameterCollection parameters, TSaga instance)
    {
        var versioned = Versioned(instance);
        var old = versioned.Version;
        versioned.Version = old + 1;
        parameters.AddWithValue("id", instance.CorrelationId);
        parameters.AddWithValue("old", old);
        parameters.AddWithValue("version", old + 1);
        parameters.AddWithValue("state", NpgsqlDbType.Jsonb, SagaStateSerializer.Serialize(instance));
        parameters.AddWithValue("at", time.GetUtcNow());
        return old;
    }

    /// <summary>The delete's parameters. Returns the version the instance was read at.</summary>
    static int AddDeleteParameters(NpgsqlParameterCollection parameters, TSaga instance)
    {
        var version = Versioned(instance).Version;
        parameters.AddWithValue("id", instance.CorrelationId);
        parameters.AddWithValue("old", version);
        return version;
    }

    static ConcurrencyException CreatedConcurrently(Guid id) =>
        new($"Saga {typeof(TSaga).Name} {id} was created concurrently", typeof(TSaga), id);

    static ConcurrencyException ChangedSince(Guid id, int version) => new(
        $"Saga {typeof(TSaga).Name} {id} was changed or removed by someone else since version {version} was read", typeof(TSaga), id);

    /// <summary>The instance of a row read ahead (<see cref="SagaLoadAhead{TSaga}"/>), or null when none was found.</summary>
    public static TSaga? Materialize(SagaRowLoadedAhead row) => row.State is null ? null : Materialize(row.Id, row.Version, row.State);

    static TSaga Materialize(Guid id, int version, string json)
    {
        var instance = SagaStateSerializer.Deserialize<TSaga>(json, id);
        instance.CorrelationId = id;
        Versioned(instance).Version = version;
        return instance;
    }

    static ISagaVersion Versioned(TSaga instance) =>
        instance as ISagaVersion
        ?? throw new InvalidOperationException($"Saga {typeof(TSaga).Name} must implement MassTransit.ISagaVersion to be stored in PostgreSQL.");
}
