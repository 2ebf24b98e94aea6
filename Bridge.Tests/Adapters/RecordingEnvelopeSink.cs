using System.Text;
using System.Threading.Channels;
using Bridge.Adapters.Envelopes;

namespace Bridge.Tests.Adapters;

/// <summary>An <see cref="IEnvelopeSink"/> that keeps what it is given, for tests to wait on.</summary>
public sealed class RecordingEnvelopeSink : IEnvelopeSink
{
    private readonly Channel<InboundEnvelope> received = Channel.CreateUnbounded<InboundEnvelope>();

    public Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
    {
        received.Writer.TryWrite(envelope);
        return Task.FromResult(EnvelopeReceipt.Taken);
    }

    /// <summary>The first envelope whose body contains <paramref name="marker"/>; envelopes before it are skipped.</summary>
    public async Task<InboundEnvelope> WaitForBodyAsync(string marker, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var envelope = await received.Reader.ReadAsync(cts.Token);
                if (Encoding.UTF8.GetString(envelope.Body.Span).Contains(marker, StringComparison.Ordinal))
                {
                    return envelope;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no envelope with '{marker}' in its body reached the sink within {timeout}");
        }
    }
}
