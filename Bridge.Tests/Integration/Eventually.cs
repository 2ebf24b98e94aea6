using Npgsql;

namespace Bridge.Tests.Integration;

/// <summary>Waits of the integration tests on what the host stores: a condition that must come to hold, the reservations left.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the condition did not hold within {wait}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>How many stock reservations the database holds.</summary>
    public static async Task<long> ReservationsAsync(string postgres)
    {
        await using var db = NpgsqlDataSource.Create(postgres);
        await using var command = db.CreateCommand("select count(distinct reservation_id) from stock_reservations");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
