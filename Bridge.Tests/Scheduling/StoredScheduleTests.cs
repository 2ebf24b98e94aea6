using Bridge.Host.Infrastructure.Scheduling;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bridge.Tests.Scheduling;

/// <summary>
/// A saga's Schedule/Unschedule inside the PostgreSQL outbox: a row of <c>bridge_scheduled_message</c> written and
/// deleted in the saga's own transaction (no message to the Hangfire scheduler queue); a cancel whose token has no row
/// still reaches the scheduler queue.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StoredScheduleTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Schedule_IsARowOfTheSagasTransaction_AndUnscheduleDeletesIt_WithoutTheSchedulerQueue()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        var received = new ReceivedMessages();
        using var host = await CounterSagaHost.StartProduction(received);
        var bus = host.Services.GetRequiredService<IBus>();
        var tokens = host.Services.GetRequiredService<ScheduledJobTokens>();

        var (id, started) = await SagaWait.StartActive(host, "stored-schedule", 120, Wait);
        var token = started.TimeoutTokenId!.Value;

        var due = await DueAtAsync(token);
        due.ShouldNotBeNull();
        due.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddSeconds(60));
        tokens.Find(token).ShouldBe((null, false)); // Hangfire never saw it

        await bus.Publish(new CompleteCounter(id));
        await received.WaitFor<CounterCompleted>(m => m.CorrelationId == id, Wait);
        (await DueAtAsync(token)).ShouldBeNull();
        tokens.Find(token).ShouldBe((null, false)); // the cancel found its row: nothing went on to the scheduler queue
        await host.StopAsync();
    }

    [Fact]
    public async Task Cancel_OfATokenWithoutARow_GoesOnToTheSchedulerQueue()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        var received = new ReceivedMessages();
        using var host = await CounterSagaHost.StartProduction(received);
        var bus = host.Services.GetRequiredService<IBus>();
        var tokens = host.Services.GetRequiredService<ScheduledJobTokens>();

        var (id, started) = await SagaWait.StartActive(host, "hangfire-held", 120, Wait);
        var token = started.TimeoutTokenId!.Value;
        // As if Hangfire held this token (scheduled before timeouts were stored rows): no row, a token → job entry.
        await ExecuteAsync("DELETE FROM bridge_scheduled_message WHERE token_id = @token", token);
        tokens.Remember(token, "999999999"); // a job id Hangfire does not have

        await bus.Publish(new CompleteCounter(id));
        await received.WaitFor<CounterCompleted>(m => m.CorrelationId == id, Wait);
        var deadline = DateTime.UtcNow + Wait;
        while (tokens.FindJobId(token) is not null && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        tokens.FindJobId(token).ShouldBeNull(); // the Hangfire consumer got the cancel and forgot the token
        await host.StopAsync();
    }

    static async Task<DateTimeOffset?> DueAtAsync(Guid token)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT due_at FROM bridge_scheduled_message WHERE token_id = @token", connection);
        command.Parameters.AddWithValue("token", token);
        return await command.ExecuteScalarAsync() is DateTime due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }

    static async Task ExecuteAsync(string sql, Guid token)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("token", token);
        await command.ExecuteNonQueryAsync();
    }
}
