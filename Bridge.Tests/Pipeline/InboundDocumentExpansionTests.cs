using System.Threading.Channels;
using Bridge.Adapters.Envelopes;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Mappings;
using Bridge.Tests.Mappings;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// Issue 12 R4: the document budget charged stock exports by their bytes, and a CSV row of 55 bytes becomes a whole
/// message (outbox row, audit row, answer entry). Exports under 256 KiB (up to ≈ 4,700 rows) never waited, and two
/// 20,000-row exports (1 MB each) fitted in the 2 MiB budget together: what a split document becomes was held once per
/// document in flight. It is now charged per message it can become.
/// </summary>
public sealed class InboundDocumentExpansionTests(ITestOutputHelper output)
{
    private const int Rows = 4_000;

    [Fact]
    public void ACsvExport_IsChargedByTheMessagesItCanBecome_AndAJsonDocumentByItsBytes()
    {
        var budget = new InboundDocumentBudget(InboundDocumentBudget.DefaultBudget, InboundDocumentBudget.DefaultThreshold);
        var csv = ShippedMappings.Set.FindInbound("wms-b", "inventory-export")!;
        var export = Export(Rows, "C");

        var most = csv.MostMessages(export);

        most.ShouldNotBeNull();
        most.Value.ShouldBeInRange(Rows, Rows + 2);
        export.Length.ShouldBeLessThan(InboundDocumentBudget.DefaultThreshold, "under the byte threshold: bytes alone would never make it wait");
        budget.Charge(export.Length, most).ShouldBe(most.Value * 256L);
        budget.Charge(Export(20_000, "T").Length, csv.MostMessages(Export(20_000, "T"))).ShouldBeGreaterThanOrEqualTo(budget.Budget, "a 20,000-row export maps alone");

        var json = ShippedMappings.Set.FindInbound("wms-a", "inventory")!;
        json.MostMessages("""{"items":[]}"""u8).ShouldBeNull();
        budget.Charge(300_000, null).ShouldBe(300_000);
    }

    [Fact]
    public async Task LargeExportsInFlight_HoldAtMostWhatTheBudgetAllows_TheRestWaitAndAreAllAccepted()
    {
        var budget = new InboundDocumentBudget(InboundDocumentBudget.DefaultBudget, InboundDocumentBudget.DefaultThreshold);
        var publisher = new HoldingPublisher();
        using var watcher = new MappingSetWatcher(RepoPaths.Config, ShippedMappings.Set);
        var ingestor = new EnvelopeIngestor(watcher, publisher, new InMemoryDeadLetterStore(), TimeProvider.System,
            NullLogger<EnvelopeIngestor>.Instance, budget: budget);

        // Each ingest runs on this thread up to the publisher (which holds it) or the budget (which queues it).
        var ingests = Enumerable.Range(0, 4).Select(i => ingestor.IngestAsync(Envelope(Export(Rows, $"D{i}")), CancellationToken.None)).ToList();

        publisher.Holding.ShouldBe(2 * Rows, "two 4,000-row exports fit in 2 MiB at 256 bytes a message; bytes alone let all four in");
        budget.Waiting.ShouldBe(2);
        output.WriteLine($"held at once: {publisher.Holding} messages of {4 * Rows}; budget in use {budget.InUse:N0} of {budget.Budget:N0} bytes, {budget.Waiting} waiting");

        for (var released = 0; released < 4; released++)
            (await publisher.Arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))).SetResult();

        foreach (var result in await Task.WhenAll(ingests).WaitAsync(TimeSpan.FromSeconds(30)))
        {
            result.Outcome.ShouldBe(IngestOutcome.Accepted, string.Join("; ", result.Errors));
            result.Messages.Count.ShouldBe(Rows);
        }

        publisher.MostHeld.ShouldBe(2 * Rows);
        budget.InUse.ShouldBe(0);
    }

    private static InboundEnvelope Envelope(byte[] export) => WmsBStockExports.Envelope(export);

    /// <summary>A stock export of <paramref name="rows"/> distinct bins.</summary>
    private static byte[] Export(int rows, string prefix) => WmsBStockExports.Export(rows, i => WmsBStockExports.Row($"{prefix}-K-{i}"));

    /// <summary>Holds each document's messages until the test releases it; counts the messages held at once.</summary>
    private sealed class HoldingPublisher : IInboundPublisher
    {
        private readonly Lock _gate = new();
        private int _holding;
        private int _mostHeld;

        public Channel<TaskCompletionSource> Arrivals { get; } = Channel.CreateUnbounded<TaskCompletionSource>();

        public int Holding
        {
            get
            {
                lock (_gate)
                {
                    return _holding;
                }
            }
        }

        public int MostHeld
        {
            get
            {
                lock (_gate)
                {
                    return _mostHeld;
                }
            }
        }

        public Task<InboundPublishResult> PublishAsync(ICanonicalMessage message, CancellationToken ct) =>
            throw new InvalidOperationException("a stock export is published as one document");

        public async Task<IReadOnlyList<InboundPublishResult>> PublishAllAsync(IReadOnlyList<ICanonicalMessage> messages, CancellationToken ct)
        {
            lock (_gate)
            {
                _holding += messages.Count;
                _mostHeld = Math.Max(_mostHeld, _holding);
            }

            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Arrivals.Writer.TryWrite(release);
            await release.Task;
            lock (_gate)
            {
                _holding -= messages.Count;
            }

            return messages.Select(m => new InboundPublishResult(m.MessageId, InboundPublishOutcome.Accepted)).ToList();
        }
    }
}
