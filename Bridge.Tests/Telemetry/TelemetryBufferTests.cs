using System.Text;
using Bridge.Host.Pipeline.Telemetry;

namespace Bridge.Tests.Telemetry;

public sealed class TelemetryBufferTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bridge-buffer-").FullName;

    [Fact]
    public void RecordsComeBackInOrder_AcrossSegments_AndACommitRemovesThem()
    {
        using var buffer = new TelemetryBuffer(_folder, 1_000_000, segmentBytes: 200);
        for (var i = 0; i < 20; i++)
            buffer.TryAppend([Record(i)]).ShouldBeTrue();
        Directory.GetFiles(_folder, "*.seg").Length.ShouldBeGreaterThan(1);

        var first = buffer.Peek(15);
        first.Select(p => Text(p.Record)).ShouldBe(Enumerable.Range(0, 15).Select(i => "reading " + i));
        buffer.Commit(first[^1].Next, 15, first.Sum(p => TelemetryBuffer.Size(p.Record)));
        buffer.PendingRecords.ShouldBe(5);
        buffer.Peek(100).Select(p => Text(p.Record)).ShouldBe(Enumerable.Range(15, 5).Select(i => "reading " + i));
    }

    [Fact]
    public void Reopened_ItResumesAfterTheCheckpoint_AndCutsATornTail()
    {
        using (var buffer = new TelemetryBuffer(_folder, 1_000_000, 1_000_000))
        {
            buffer.TryAppend([Record(1), Record(2), Record(3)]);
            var peeked = buffer.Peek(1);
            buffer.Commit(peeked[0].Next, 1, TelemetryBuffer.Size(peeked[0].Record));
        }

        // A crash in the middle of an append: half a record at the end of the segment.
        var segment = Directory.GetFiles(_folder, "*.seg").Single();
        File.AppendAllText(segment, "\u0040\u0000\u0000\u0000torn");

        using (var reopened = new TelemetryBuffer(_folder, 1_000_000, 1_000_000))
        {
            reopened.PendingRecords.ShouldBe(2);
            reopened.TryAppend([Record(4)]).ShouldBeTrue();
            reopened.Peek(10).Select(p => Text(p.Record)).ShouldBe(["reading 2", "reading 3", "reading 4"]);
        }
    }

    [Fact]
    public void Full_RefusesTheAppend_AndWritesNothing()
    {
        using var buffer = new TelemetryBuffer(_folder, maxBytes: TelemetryBuffer.Size(Record(1)) * 3, segmentBytes: 1_000_000);
        buffer.TryAppend([Record(1), Record(2), Record(3)]).ShouldBeTrue();
        buffer.TryAppend([Record(4)]).ShouldBeFalse();
        buffer.PendingRecords.ShouldBe(3);
    }

    [Fact]
    public void ASecondProcessOnTheSameFolder_IsRefusedWithAClearMessage()
    {
        using var buffer = new TelemetryBuffer(_folder, 1000, 1000);
        var error = Should.Throw<InvalidOperationException>(() => new TelemetryBuffer(_folder, 1000, 1000));
        error.Message.ShouldContain("is in use by another Bridge process");
    }

    internal static TelemetryRecord Record(int i) =>
        new(new Guid(i, 0, 0, new byte[8]), "bridge.bin-level-reported", Encoding.UTF8.GetBytes("reading " + i));

    internal static string Text(TelemetryRecord record) => Encoding.UTF8.GetString(record.Body.Span);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
