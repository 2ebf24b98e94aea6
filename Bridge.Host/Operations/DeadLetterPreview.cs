using System.Text;
using System.Text.Json;
using Bridge.Adapters.Envelopes;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Host.Pipeline.Outbound;

namespace Bridge.Host.Operations;

/// <summary>
/// What the mapping in force now would make of a dead letter, beside what happened then, before anyone replays it:
/// an inbound letter goes through today's inbound mapping (nothing published, kept or audited) — then: the reasons
/// it was kept for; now: the canonical messages it would make, or today's reasons; an outbound letter is rendered
/// again for its system — then: the body that system refused; now: the body it would get. <c>diff</c> compares the two.
/// </summary>
public sealed class DeadLetterPreview(EnvelopeIngestor ingestor, OutboundDeadLetterReplay outbound)
{
    private static readonly JsonSerializerOptions Indented = new(InboundMessageSerializer.Options) { WriteIndented = true };

    public object Take(DeadLetter letter)
    {
        if (OutboundDeadLetterReplay.IsOutbound(letter))
        {
            var then = LineDiff.Lines(Encoding.UTF8.GetString(letter.Body));
            try
            {
                var envelope = outbound.Render(letter);
                var now = LineDiff.Lines(Encoding.UTF8.GetString(envelope.Body.Span));
                return Result("outbound", "renders", letter.Mapping, then, now, [], address: envelope.Address);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Result("outbound", "cannot render", letter.Mapping, then, [e.Message], [e.Message], address: null);
            }
        }

        var attempt = ingestor.Map(new InboundEnvelope("preview", letter.System, letter.MessageType, letter.ContentType, letter.Body, letter.Metadata));
        var reasonsThen = LineDiff.Lines(letter.Reason);
        if (attempt.Outcome != IngestOutcome.Accepted)
        {
            return Result("inbound", "still fails", attempt.Mapping, reasonsThen, attempt.Errors, attempt.Errors, address: null);
        }

        var produced = attempt.Messages
            .SelectMany(m => LineDiff.Lines($"{m.GetType().Name} {JsonSerializer.Serialize(m, m.GetType(), Indented)}"))
            .ToList();
        return Result("inbound", "would be accepted", attempt.Mapping, reasonsThen, produced, [], address: null,
            messages: attempt.Messages.Select(m => new { type = m.GetType().Name, message = (object)m }).ToList(),
            warnings: attempt.Warnings.Select(w => w.ToString()).ToList());
    }

    private static object Result(string direction, string outcome, string? mapping, IReadOnlyList<string> then, IReadOnlyList<string> now,
        IReadOnlyList<string> errors, string? address, IReadOnlyList<object>? messages = null, IReadOnlyList<string>? warnings = null) => new
    {
        direction,
        outcome,
        mapping,
        address,
        errors,
        warnings = warnings ?? [],
        messages = messages ?? [],
        diff = LineDiff.Compare(then, now).Select(l => l.ToString()),
    };
}
