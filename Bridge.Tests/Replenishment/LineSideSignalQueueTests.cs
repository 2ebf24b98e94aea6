using Bridge.Host.Processes.Replenishment;
using Bridge.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Bridge.Tests.Replenishment;

/// <summary>The signal queue's topology on the real broker: a queue an earlier Bridge left is found, with what it holds.</summary>
[Trait("Category", "Integration")]
public sealed class LineSideSignalQueueTests
{
    [Fact]
    public async Task FindObsolete_ReportsTheLeftQueueWithItsMessages_AndNotTheMissingOne()
    {
        if (!TestServers.Available)
            return;
        var uri = await TestServers.CreateVirtualHostAsync("line-side-obsolete");
        await using var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            await channel.QueueDeclareAsync("bridge-batch-line-side-signals", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", "bridge-batch-line-side-signals", "{}"u8.ToArray());
            await channel.BasicPublishAsync("", "bridge-batch-line-side-signals", "{}"u8.ToArray());
        }

        var found = await LineSideSignalQueue.FindObsoleteAsync(connection, CancellationToken.None);

        found.ShouldHaveSingleItem().ShouldBe(("bridge-batch-line-side-signals", 2u));
        connection.IsOpen.ShouldBeTrue();
    }
}
