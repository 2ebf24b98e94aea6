using System.Diagnostics.Metrics;

namespace Bridge.Tests.Persistence;

/// <summary>Npgsql's own count of commands (round trips) of one named data source.</summary>
internal sealed class NpgsqlRoundTrips : IDisposable
{
    readonly MeterListener _listener = new();
    long _count;

    public NpgsqlRoundTrips(string dataSourceName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name is "db.client.operation.duration" or "db.client.commands.duration")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Value is string value && value == dataSourceName)
                {
                    Interlocked.Increment(ref _count);
                    return;
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
