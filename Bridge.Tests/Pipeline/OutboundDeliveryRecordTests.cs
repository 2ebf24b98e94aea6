using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Pipeline.Outbound;
using Bridge.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// Once a system took a message, that is recorded before anything else can fail — found by the fault suite (R1, R3):
/// the audit row was written between the call and the delivery record, on a lock all audit writes share, so a host
/// killed in that (long) window sent the message again after its restart; an audit write that failed (database
/// restarting) made the delivered message count as not delivered, and a delivery record that failed threw, so the
/// system got the message a second time either way.
/// </summary>
public sealed class OutboundDeliveryRecordTests : IAsyncDisposable
{
    private readonly string _config = TestConfig.CopyShipped();
    private readonly OutboundProbeSender _mes = new();
    private readonly OutboundProbeSender _wms = new();
    private readonly ProbeDeliveryLog _deliveries = new();
    private readonly ProbeAuditTrail _audit;
    private WebApplication? _app;

    public OutboundDeliveryRecordTests() => _audit = new ProbeAuditTrail(_deliveries);

    [Fact]
    public async Task Delivery_IsRecordedBeforeItsAuditRow()
    {
        var dispatcher = await StartAsync();

        (await dispatcher.DispatchAsync(Delivered(), 0, CancellationToken.None)).ShouldBeEmpty();

        _audit.DeliveredRows.ShouldBe(2);
        _audit.RecordedWhenAudited.ShouldAllBe(recorded => recorded, "the audit row of a delivery was written before the delivery was recorded");
    }

    [Fact]
    public async Task AuditRowFails_AfterTheSystemTookIt_TheDeliveryStandsAndIsNotSentAgain()
    {
        _audit.Failure = new InvalidOperationException("the database is restarting");
        var dispatcher = await StartAsync();
        var message = Delivered();

        (await dispatcher.DispatchAsync(message, 0, CancellationToken.None)).ShouldBeEmpty("the systems took the message; only its audit row is missing");
        (await dispatcher.DispatchAsync(message, 1, CancellationToken.None)).ShouldBeEmpty();

        _mes.Calls.Count.ShouldBe(1);
        _wms.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RecordingTheDeliveryFailsOnce_ItIsTriedAgain_AndTheSystemIsNotCalledTwice()
    {
        _deliveries.FailNextMarks = 1;
        var dispatcher = await StartAsync();
        var message = Delivered();

        (await dispatcher.DispatchAsync(message, 0, CancellationToken.None)).ShouldBeEmpty();
        (await dispatcher.DispatchAsync(message, 1, CancellationToken.None)).ShouldBeEmpty();

        _mes.Calls.Count.ShouldBe(1);
        _wms.Calls.Count.ShouldBe(1);
        (await _deliveries.WasDeliveredAsync(message.MessageId, "mes", CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task ConsumerCancelledWhileTheCallIsUnderWay_TheCallFinishesAndIsRecorded_SoARedeliveryDoesNotCallAgain()
    {
        // R2: stopping the broker cancels the consumers; a call the system had taken was abandoned unrecorded with its
        // claim held, so the redelivery found it "under way elsewhere" and the retry schedule sent it once more.
        var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mes = new OutboundProbeSender { Barrier = barrier };
        _app = await OutboundTestHost.StartEmbeddedAsync(_config, mes, _wms);
        var dispatcher = ActivatorUtilities.CreateInstance<OutboundDispatcher>(_app.Services, (IOutboundDeliveryLog)_deliveries, (IAuditTrail)_audit);
        var message = Delivered();
        using var consumer = new CancellationTokenSource();

        var first = dispatcher.DispatchAsync(message, 0, consumer.Token);
        await mes.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await consumer.CancelAsync();
        barrier.SetResult();
        try
        {
            await first.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            // What comes after the recorded call may give up with the consumer; the redelivery finishes it.
        }

        (await _deliveries.WasDeliveredAsync(message.MessageId, "mes", CancellationToken.None)).ShouldBeTrue("the call the system took was recorded");
        (await dispatcher.DispatchAsync(message, 1, CancellationToken.None)).ShouldBeEmpty();
        mes.Calls.Count.ShouldBe(1);
    }

    private async Task<OutboundDispatcher> StartAsync()
    {
        _app = await OutboundTestHost.StartEmbeddedAsync(_config, _mes, _wms);
        // The host's own dispatcher, with the probes as its delivery log and audit trail.
        return ActivatorUtilities.CreateInstance<OutboundDispatcher>(_app.Services, (IOutboundDeliveryLog)_deliveries, (IAuditTrail)_audit);
    }

    private static MaterialDelivered Delivered() => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = "MR-8",
        Source = "bridge",
        OccurredAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
        RequestId = "MR-8",
        OrderId = "PO-1",
        Location = "ST-1",
        Lines = [new MaterialLine { Material = "M-1", Quantity = 2, Unit = "pce" }],
    };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_config, recursive: true);
    }

    private sealed class ProbeDeliveryLog : IOutboundDeliveryLog
    {
        private readonly InMemoryOutboundDeliveryLog _inner = new();
        private int _failures;

        public int FailNextMarks { set => _failures = value; }

        public Task<bool> WasDeliveredAsync(Guid messageId, string system, CancellationToken ct) => _inner.WasDeliveredAsync(messageId, system, ct);

        public Task MarkDeliveredAsync(Guid messageId, string system, DateTimeOffset at, CancellationToken ct) =>
            Interlocked.Decrement(ref _failures) >= 0
                ? throw new InvalidOperationException("the database is restarting")
                : _inner.MarkDeliveredAsync(messageId, system, at, ct);

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct) => _inner.DeleteOlderThanAsync(cutoff, ct);

        public Task<DeliveryClaim> ClaimAsync(Guid messageId, string system, DateTimeOffset now, DateTimeOffset until, CancellationToken ct) =>
            _inner.ClaimAsync(messageId, system, now, until, ct);

        public Task ReleaseClaimAsync(Guid messageId, string system, CancellationToken ct) => _inner.ReleaseClaimAsync(messageId, system, ct);
    }

    private sealed class ProbeAuditTrail(IOutboundDeliveryLog deliveries) : IAuditTrail
    {
        private readonly List<bool> _recorded = [];

        public Exception? Failure { get; set; }

        public IReadOnlyList<bool> RecordedWhenAudited { get { lock (_recorded) return [.. _recorded]; } }

        public int DeliveredRows { get { lock (_recorded) return _recorded.Count; } }

        public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
        {
            if (entry is { Direction: "out", Result: "delivered", MessageId: { } id })
            {
                var recorded = await deliveries.WasDeliveredAsync(Guid.Parse(id), entry.System, ct);
                lock (_recorded) _recorded.Add(recorded);
            }

            if (Failure is not null)
                throw Failure;
        }

        public Task<IReadOnlyList<AuditRow>> FindByCorrelationAsync(string correlationId, CancellationToken ct) => Task.FromResult<IReadOnlyList<AuditRow>>([]);

        public Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<DateOnly>>([]);

        public Task<IReadOnlyList<AuditRow>> ReadDayAsync(DateOnly day, CancellationToken ct) => Task.FromResult<IReadOnlyList<AuditRow>>([]);
    }
}
