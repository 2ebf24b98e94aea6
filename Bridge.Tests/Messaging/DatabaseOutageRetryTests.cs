using System.Net.Sockets;
using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bridge.Tests.Messaging;

/// <summary>
/// A message whose consumer finds the database away is held and tried again until the database is back, not parked
/// in the <c>_error</c> queue after the quick retries meant for ordinary faults. Found by the fault suite (R3: a
/// PostgreSQL restart sent 32 material requests and 4 pick orders to <c>_error</c>; their requests never ended).
/// </summary>
public sealed class DatabaseOutageRetryTests
{
    [Fact]
    public async Task DatabaseRefusesConnections_ForLongerThanTheOrdinaryRetries_TheMessageIsConsumedWhenItIsBack()
    {
        var database = new FlakyDatabase(failures: 5, () => new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException(111)));
        await using var provider = Harness(database);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new OutageProbe(Guid.NewGuid()));

        await database.Consumed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        database.Attempts.ShouldBe(6);
        (await harness.Published.Any<Fault<OutageProbe>>()).ShouldBeFalse();
    }

    [Fact]
    public async Task OrdinaryFault_StillGoesToTheErrorQueueAfterItsFewRetries()
    {
        var database = new FlakyDatabase(failures: int.MaxValue, () => new InvalidOperationException("a bug"));
        await using var provider = Harness(database);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new OutageProbe(Guid.NewGuid()));

        (await harness.Published.Any<Fault<OutageProbe>>()).ShouldBeTrue();
        database.Attempts.ShouldBe(4, "the first attempt and three spaced retries");
    }

    [Theory]
    [InlineData("57P01", true)]
    [InlineData("57P03", true)]
    [InlineData("08006", true)]
    [InlineData("23505", false)]
    public void PostgresErrors_AreAnOutageOnlyWhenTheServerIsGoingOrComing(string sqlState, bool outage) =>
        DatabaseOutage.Is(new PostgresException("message", "FATAL", "FATAL", sqlState)).ShouldBe(outage);

    private static ServiceProvider Harness(FlakyDatabase database) => new ServiceCollection()
        .AddSingleton(database)
        .AddBridgeMessagingTestHarness(x => x.AddConsumer<OutageProbeConsumer>())
        .BuildServiceProvider(true);

    public sealed class FlakyDatabase(int failures, Func<Exception> failure)
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public TaskCompletionSource Consumed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Use()
        {
            if (Interlocked.Increment(ref _attempts) <= failures)
                throw failure();
            Consumed.TrySetResult();
        }
    }

    public sealed class OutageProbeConsumer(FlakyDatabase database) : IConsumer<OutageProbe>
    {
        public Task Consume(ConsumeContext<OutageProbe> context)
        {
            database.Use();
            return Task.CompletedTask;
        }
    }
}

public sealed record OutageProbe(Guid Id);
