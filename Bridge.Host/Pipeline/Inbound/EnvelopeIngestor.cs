using System.Diagnostics;
using System.Runtime.InteropServices;
using Bridge.Adapters.Envelopes;
using Bridge.Host.Infrastructure.Telemetry;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Mappings;
using Bridge.Mappings.Diagnostics;
using Bridge.Host.Infrastructure.Logging;

using Bridge.Host.Infrastructure.Audit;

namespace Bridge.Host.Pipeline.Inbound;

/// <summary>
/// The one inbound path every adapter shares (HTTP, OPC UA, MQTT): find the system's mapping for the message type,
/// map, and hand the canonical messages to the bus through the inbound outbox. Nothing that fails is dropped: the
/// raw bytes are kept as a dead letter with every reason the mapping gave.
/// </summary>
public sealed class EnvelopeIngestor(
    MappingSetWatcher mappings,
    IInboundPublisher publisher,
    IDeadLetterStore deadLetters,
    TimeProvider time,
    ILogger<EnvelopeIngestor> logger,
    IAuditTrail? audit = null,
    InboundDocumentBudget? budget = null) : IEnvelopeSink
{
    /// <summary>An adapter's hand-over: taken once published or kept as a dead letter; throws (nothing taken) when neither worked.</summary>
    public async Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
    {
        var result = await IngestAsync(envelope, ct);
        return result.Outcome == IngestOutcome.Accepted
            ? EnvelopeReceipt.Taken
            : new EnvelopeReceipt(false, string.Join("; ", result.Errors), result.DeadLetterId);
    }


    /// <param name="keepFailures">False for a replay: the dead letter being replayed already holds the payload.</param>
    public async Task<IngestResult> IngestAsync(InboundEnvelope envelope, CancellationToken ct, bool keepFailures = true)
    {
        // The root of a message's trace for adapters without their own (MQTT, OPC UA, AMQP); a child of the HTTP
        // request's. The bus carries it on to the consumers, sagas and the outbound call.
        using var activity = BridgeMetrics.Activities.StartActivity("bridge.ingest", ActivityKind.Consumer);
        activity?.SetTag("bridge.adapter", envelope.Adapter);
        activity?.SetTag("bridge.system", envelope.System);
        activity?.SetTag("bridge.message_type", envelope.MessageType);
        using var share = await ShareOfBudgetAsync(envelope, ct);
        var started = time.GetTimestamp();
        var result = await IngestCoreAsync(envelope, ct, keepFailures);
        await (audit?.InboundAsync(envelope, result, time.GetUtcNow(), time.GetElapsedTime(started), ct) ?? Task.CompletedTask);
        return result;
    }

    /// <summary>The document's share of the large-document budget, charged by its bytes or the messages it can become.</summary>
    private ValueTask<InboundDocumentBudget.Lease> ShareOfBudgetAsync(InboundEnvelope envelope, CancellationToken ct)
    {
        if (budget is null)
            return ValueTask.FromResult(default(InboundDocumentBudget.Lease));
        var mostMessages = mappings.Current.FindInbound(envelope.System, envelope.MessageType)?.MostMessages(envelope.Body.Span);
        return budget.AcquireAsync(budget.Charge(envelope.Body.Length, mostMessages), ct);
    }

    /// <summary>
    /// What the mapping in force now makes of <paramref name="envelope"/>, without publishing, keeping or auditing
    /// anything: the messages it would publish, or the reasons it would refuse.
    /// </summary>
    public MappingAttempt Map(InboundEnvelope envelope)
    {
        var mapping = mappings.Current.FindInbound(envelope.System, envelope.MessageType);
        if (mapping is null)
        {
            return new MappingAttempt(IngestOutcome.NoMapping, null, [],
                [$"no inbound mapping for system '{envelope.System}' and message type '{envelope.MessageType}'"], []);
        }

        // A document is refused whole on its first error, and reports at most ReportedReasons.Limit of them.
        var result = mapping.Map(envelope.Body, envelope.ContentType, envelope.Metadata, InboundMapOptions.AllOrNothing(ReportedReasons.Limit));
        if (result.ErrorCount > 0)
        {
            return new MappingAttempt(IngestOutcome.MappingFailed, mapping.Name, [], ReportedReasons.Of(result.Errors, result.ErrorCount, Describe), result.Warnings);
        }

        var refused = result.Messages.SelectMany(m => MappedValueRules.Check(m.Message)).ToList();
        return refused.Count > 0
            ? new MappingAttempt(IngestOutcome.MappingFailed, mapping.Name, [], ReportedReasons.Of(refused, p => $"{mapping.Name}: {p}"), result.Warnings)
            : new MappingAttempt(IngestOutcome.Accepted, mapping.Name, result.Messages.Select(m => m.Message).ToList(), [], result.Warnings);
    }

    private async Task<IngestResult> IngestCoreAsync(InboundEnvelope envelope, CancellationToken ct, bool keepFailures)
    {
        var attempt = Map(envelope);
        if (attempt.Outcome != IngestOutcome.Accepted)
        {
            var id = keepFailures ? await KeepAsync(envelope, attempt.Mapping, string.Join(Environment.NewLine, attempt.Errors), ct) : (Guid?)null;
            return new IngestResult(attempt.Outcome, attempt.Mapping, [], attempt.Errors, id);
        }

        var accepted = new List<AcceptedMessage>(attempt.Messages.Count);
        var outcomes = await publisher.PublishAllAsync(attempt.Messages, ct);
        for (var i = 0; i < attempt.Messages.Count; i++)
        {
            var (message, outcome) = (attempt.Messages[i], outcomes[i]);
            var type = message.GetType().Name;
            accepted.Add(new AcceptedMessage(type, message.MessageId, message.CorrelationId, outcome.IsDuplicate));
            Log.Accepted(logger, LogText.Escape(envelope.System), LogText.Escape(envelope.MessageType), type, message.MessageId, outcome.IsDuplicate);
        }

        foreach (var warning in attempt.Warnings)
            Log.MappedWithWarning(logger, LogText.Escape(envelope.System), LogText.Escape(envelope.MessageType), LogText.Escape(warning.ToString()));
        return new IngestResult(IngestOutcome.Accepted, attempt.Mapping, accepted, [], null) { Warnings = attempt.Warnings };
    }

    private async Task<Guid> KeepAsync(InboundEnvelope envelope, string? mapping, string reason, CancellationToken ct)
    {
        var letter = new DeadLetter(Guid.NewGuid(), time.GetUtcNow(), envelope.System, envelope.MessageType, mapping,
            envelope.ContentType, WholeArray(envelope.Body), reason, envelope.Metadata);
        await deadLetters.AddAsync(letter, ct);
        Log.DeadLettered(logger, LogText.Escape(envelope.System), LogText.Escape(envelope.MessageType), letter.Id, LogText.Escape(reason));
        return letter.Id;
    }

    /// <summary>The body's own array when it is one whole array (an HTTP or AMQP body is): no second copy of a large payload.</summary>
    private static byte[] WholeArray(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : body.ToArray();

    private static string Describe(RuntimeMappingError error) =>
        $"{error.Mapping}: field '{error.Field}'"
        + (error.Item is null ? "" : $" of item '{error.Item}'")
        + (error.SourcePath is null ? "" : $" from '{error.SourcePath}'")
        + (error.Value is null ? "" : $" (value '{error.Value}')")
        + $": {error.Message}";
}
