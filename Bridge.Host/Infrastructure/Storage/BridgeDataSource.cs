using System.Data.Common;
using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// The host's one <see cref="NpgsqlDataSource"/>. Two pool defaults differ from Npgsql's, each only when the connection
/// string does not set it: <c>No Reset On Close</c> (Npgsql otherwise sends <c>DISCARD ALL</c> on the next use of every
/// returned connection — 28 statements per material request, each its own transaction; Bridge keeps no session state:
/// its advisory locks are transaction-scoped, it sets no session variables, creates no temporary tables and does not
/// LISTEN, and Npgsql still rolls back a transaction left open) and <c>Max Auto Prepare</c> (statements used often on a
/// connection are prepared once instead of parsed and planned on every call; only possible once nothing discards them).
/// <c>configure</c> adds to the builder (the material benchmark's ledger gives it a logger factory).
/// </summary>
public static class BridgeDataSource
{
    public const int MaxAutoPrepare = 64;

    public static NpgsqlDataSource Create(string connectionString, Action<NpgsqlDataSourceBuilder>? configure = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
            builder.ConnectionStringBuilder.MaxAutoPrepare = MaxAutoPrepare;
        configure?.Invoke(builder);
        return builder.Build();
    }
}
