using System.Collections.Concurrent;

namespace Bridge.Tests.Persistence.TestSaga;

public sealed class ReceivedMessages
{
    readonly ConcurrentQueue<(object Message, Guid? MessageId)> _messages = new();

    public void Add(object message, Guid? messageId) => _messages.Enqueue((message, messageId));

    public IReadOnlyList<T> Of<T>() => _messages.Select(m => m.Message).OfType<T>().ToList();

    public IReadOnlyList<Guid?> MessageIdsOf<T>() => _messages.Where(m => m.Message is T).Select(m => m.MessageId).ToList();

    public async Task<T> WaitFor<T>(Func<T, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = Of<T>().FirstOrDefault(predicate);
            if (found is not null)
                return found;
            await Task.Delay(50);
        }

        throw new TimeoutException($"No {typeof(T).Name} matching the condition arrived within {timeout.TotalSeconds} s.");
    }
}
