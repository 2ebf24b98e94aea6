using System.Text;
using RabbitMQ.Client;

namespace Bridge.Tests.Persistence;

/// <summary>Looks into a RabbitMQ queue without taking anything out of it (unacknowledged gets are requeued on close).</summary>
public static class ErrorQueue
{
    public static async Task<bool> ContainsAsync(string amqpUri, string queue, string text, TimeSpan timeout)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await using (var connection = await factory.CreateConnectionAsync())
            await using (var channel = await connection.CreateChannelAsync())
            {
                try
                {
                    for (var i = 0; i < 1000; i++)
                    {
                        var result = await channel.BasicGetAsync(queue, autoAck: false);
                        if (result is null)
                            break;
                        if (Encoding.UTF8.GetString(result.Body.Span).Contains(text, StringComparison.Ordinal))
                            return true;
                    }
                }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
                {
                    // The error queue is declared with the first fault: not there yet.
                }
            }

            await Task.Delay(200);
        }

        return false;
    }
}
