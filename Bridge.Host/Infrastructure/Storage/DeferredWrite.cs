using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// A statement of a <see cref="PostgresUnitOfWork"/>'s transaction sent later, with the commit. <see cref="Check"/>, when
/// set, names what it means when the statement fails its check (see <see cref="RowsExpected"/>).
/// </summary>
public sealed record DeferredWrite(NpgsqlBatchCommand Command, RowsExpected? Check = null);
