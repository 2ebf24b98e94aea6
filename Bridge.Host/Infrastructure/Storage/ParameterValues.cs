using System.Data.Common;
using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// Lets go of the values a command or batch sent. A pooled connection's reader keeps its last command or batch, and that
/// its parameters, until the connection runs another: an idle connection would otherwise keep the last body it stored
/// (a dead letter, an inbound document's canonical message, a stored outbox message: up to megabytes each) alive for as
/// long as it idles. Found by the fault suite's R4 in a heap dump of the host after its flood.
/// </summary>
public static class ParameterValues
{
    public static void Release(DbParameterCollection parameters)
    {
        foreach (DbParameter parameter in parameters)
            parameter.Value = null;
    }

    public static void Release(NpgsqlBatch batch)
    {
        foreach (var command in batch.BatchCommands)
            Release(command.Parameters);
    }
}
