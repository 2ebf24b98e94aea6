using System.Net.Sockets;
using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// Tells a database that is away (refusing connections, restarting, its connections cut) from a database that
/// answered with an error. A message that met an outage is held and tried again for about two minutes
/// (<see cref="RetryIntervals"/>) instead of going to the <c>_error</c> queue after the few quick retries meant for
/// ordinary faults: a PostgreSQL restart must not park the messages that were in flight.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>1 s … 30 s, about two minutes in all.</summary>
    public static readonly TimeSpan[] RetryIntervals =
        [.. new[] { 1, 2, 3, 5, 5, 10, 10, 15, 15, 20, 30 }.Select(s => TimeSpan.FromSeconds(s))];

    /// <summary>True when <paramref name="exception"/> or one it wraps says the database could not be reached or went away.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Class 57: the server is shutting down or starting up (57P01 admin shutdown, 57P02 crash shutdown,
                // 57P03 cannot connect now); class 08: the connection failed.
                case PostgresException p:
                    if (p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState.StartsWith("08", StringComparison.Ordinal))
                        return true;
                    break;
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case EndOfStreamException:
                    return true;
            }
        }

        return false;
    }
}
