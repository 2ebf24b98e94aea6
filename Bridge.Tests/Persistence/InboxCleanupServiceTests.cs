using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bridge.Tests.Persistence;

[Trait("Category", "Integration")]
public sealed class InboxCleanupServiceTests
{
    [Fact]
    public async Task CleanOnce_RemovesOnlyDeliveredRowsOlderThanRetention()
    {
        var connectionString = TestServers.Postgres;
        if (connectionString is null)
            return;
        await using var dataSource = await TestDatabase.CreateAsync(connectionString);
        var now = new DateTimeOffset(2030, 1, 10, 12, 0, 0, TimeSpan.Zero);
        var endpoint = $"cleanup-test-{Guid.NewGuid():N}";
        async Task<Guid> Insert(TimeSpan age, bool delivered)
        {
            var id = Guid.NewGuid();
            await using var command = dataSource.CreateCommand("""
                INSERT INTO bridge_inbox (endpoint_name, consumer_id, message_id, received_at, receive_count, consumed_at, delivered_at)
                VALUES (@e, @c, @m, @at, 1, @at, @delivered)
                """);
            command.Parameters.AddWithValue("e", endpoint);
            command.Parameters.AddWithValue("c", Guid.Empty);
            command.Parameters.AddWithValue("m", id);
            command.Parameters.AddWithValue("at", now - age);
            command.Parameters.AddWithValue("delivered", delivered ? now - age : DBNull.Value);
            await command.ExecuteNonQueryAsync();
            return id;
        }

        var oldDelivered = await Insert(TimeSpan.FromDays(8), delivered: true);
        var oldUndelivered = await Insert(TimeSpan.FromDays(8), delivered: false);
        var recentDelivered = await Insert(TimeSpan.FromDays(6), delivered: true);

        var service = new InboxCleanupService(dataSource, Options.Create(new BridgeMessagingOptions()), new FixedTimeProvider(now),
            NullLogger<InboxCleanupService>.Instance);
        (await service.CleanOnceAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);

        await using var remaining = dataSource.CreateCommand("SELECT message_id FROM bridge_inbox WHERE endpoint_name = @e");
        remaining.Parameters.AddWithValue("e", endpoint);
        var ids = new List<Guid>();
        await using (var reader = await remaining.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                ids.Add(reader.GetGuid(0));
        ids.ShouldBe([oldUndelivered, recentDelivered], ignoreOrder: true);
        ids.ShouldNotContain(oldDelivered);
    }
}
