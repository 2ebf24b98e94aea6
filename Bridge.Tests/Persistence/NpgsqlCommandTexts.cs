using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bridge.Tests.Persistence;

/// <summary>The text of every command Npgsql runs in this process while it lives (its tracing activities; a batch's texts in one).</summary>
internal sealed class NpgsqlCommandTexts : IDisposable
{
    readonly ActivityListener _listener;
    readonly ConcurrentQueue<string> _texts = new();

    public NpgsqlCommandTexts()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _texts.Enqueue(string.Join('\n', activity.TagObjects.Select(t => t.Value?.ToString()))),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<string> Texts => [.. _texts];

    public void Dispose() => _listener.Dispose();
}
