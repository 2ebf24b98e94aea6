namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>
/// A one-shot barrier for race tests: the code under test calls <see cref="PassAsync"/>, which (once armed) tells the
/// test it has arrived and then waits until the test opens the gate. No sleeps: each side waits for the other's signal.
/// </summary>
public sealed class RaceGate
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    public void Arm() => Volatile.Write(ref _armed, 1);

    public async Task PassAsync()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _arrived.TrySetResult();
            await _open.Task;
        }
    }

    public Task Arrived(TimeSpan timeout) => _arrived.Task.WaitAsync(timeout);

    public void Open() => _open.TrySetResult();
}
