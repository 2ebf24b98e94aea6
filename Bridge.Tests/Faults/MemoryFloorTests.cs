using Bridge.Faults.Flood;
using Bridge.Host.Operations.Diagnostics;
using Xunit.Abstractions;

namespace Bridge.Tests.Faults;

/// <summary>
/// R4 judges growth by the floor as well as the peak: the host's memory log runs a full compacting collection when the
/// driver asks (a request file beside the log) and the driver compares the line after it from pass to pass. Here the
/// log runs in this process: a deliberate leak (objects kept alive) raises the floor past the limit, and garbage of
/// the same size, which raises a peak, does not.
/// </summary>
[Collection(ProcessMemoryCollection.Name)]
public sealed class MemoryFloorTests(ITestOutputHelper output) : IDisposable
{
    private const int LeakMb = 256;
    private readonly string _directory = Directory.CreateTempSubdirectory("bridge-memory-floor-").FullName;

    [Fact]
    public async Task ADeliberateLeak_RaisesTheFloorPastTheLimit_GarbageDoesNot()
    {
        var path = Path.Combine(_directory, "memory.csv");
        using var log = new MemoryLog(path, TimeProvider.System);
        await log.StartAsync(CancellationToken.None);
        var reader = new HostMemoryLog(path);
        var timeout = TimeSpan.FromSeconds(30);

        var first = await reader.FloorAsync(timeout, CancellationToken.None);
        var garbage = Allocate(LeakMb);
        GC.KeepAlive(garbage);
        garbage = null;
        var afterGarbage = await reader.FloorAsync(timeout, CancellationToken.None);
        var leak = Allocate(LeakMb);
        var afterLeak = await reader.FloorAsync(timeout, CancellationToken.None);
        GC.KeepAlive(leak);
        output.WriteLine($"floor: {first}; after {LeakMb} MB of garbage: {afterGarbage}; after a {LeakMb} MB leak: {afterLeak}");

        first.ShouldNotBeNull();
        afterGarbage.ShouldNotBeNull();
        afterLeak.ShouldNotBeNull();
        afterGarbage.HeapMb.ShouldBeLessThan(first.HeapMb + LeakMb / 2.0, "garbage is collected before the floor is read");
        afterLeak.HeapMb.ShouldBeGreaterThan(first.HeapMb + LeakMb * 0.8, "what is kept alive stays in the floor");
        afterLeak.Exceeds(first, 1.1).ShouldBeTrue();
        File.Exists(MemoryLog.CollectRequestOf(path)).ShouldBeFalse("the request is taken");
        await log.StopAsync(CancellationToken.None);
    }

    /// <summary>
    /// Threads that stay alive (as a host's thread-pool threads do) each park arrays of 256 KiB–1 MiB (the sizes R4's
    /// host parks) in the shared pool: after the floor right away they are still alive, after the floor that follows
    /// the pool's idle trim every one has been collected. Followed by weak references, not by the heap's total, which
    /// other tests in this process move by hundreds of MB.
    /// </summary>
    [Fact]
    public async Task ArraysParkedInTheSharedPool_AreCollectedByTheSettledFloor_NotByTheFirst()
    {
        const int Threads = 8;
        var path = Path.Combine(_directory, "memory.csv");
        using var log = new MemoryLog(path, TimeProvider.System);
        await log.StartAsync(CancellationToken.None);
        var reader = new HostMemoryLog(path);

        using var release = new ManualResetEventSlim();
        using var parked = new CountdownEvent(Threads);
        var arrays = new System.Collections.Concurrent.ConcurrentBag<WeakReference<byte[]>>();
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            ParkInTheSharedPool(arrays);
            parked.Signal();
            release.Wait();
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        parked.Wait();

        var immediate = await reader.FloorAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        var aliveRightAway = arrays.Count(w => w.TryGetTarget(out _));
        var (_, settled) = await reader.SettledFloorAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35), CancellationToken.None);
        var aliveAfterTheTrim = arrays.Count(w => w.TryGetTarget(out _));
        release.Set();
        threads.ForEach(t => t.Join());
        await log.StopAsync(CancellationToken.None);
        output.WriteLine($"{arrays.Count} arrays parked; alive after the floor right away: {aliveRightAway}, after the settled floor: {aliveAfterTheTrim} ({immediate} → {settled})");

        immediate.ShouldNotBeNull();
        settled.ShouldNotBeNull();
        arrays.Count.ShouldBe(Threads * 3);
        aliveRightAway.ShouldBe(arrays.Count, "arrays parked per thread are alive right after the pass");
        aliveAfterTheTrim.ShouldBe(0, "the pool drops what threads parked once it has sat unused, and the settled floor collects it");
    }

    [Fact]
    public void AFloorWithinTheLimit_DoesNotExceedIt_AboveItInRssOrHeapDoes()
    {
        var first = new MemoryFloor(300, 100);

        new MemoryFloor(329, 109).Exceeds(first, 1.1).ShouldBeFalse();
        new MemoryFloor(331, 100).Exceeds(first, 1.1).ShouldBeTrue();
        new MemoryFloor(300, 111).Exceeds(first, 1.1).ShouldBeTrue();
    }

    /// <summary>
    /// Rents and returns one array of each size: the pool keeps each in this thread's slot. In a method of its own so
    /// that no stack slot of the waiting thread still holds the last one.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ParkInTheSharedPool(System.Collections.Concurrent.ConcurrentBag<WeakReference<byte[]>> arrays)
    {
        foreach (var size in new[] { 256 << 10, 512 << 10, 1 << 20 })
        {
            // A new array, not one the pool already holds from elsewhere in this process.
            var array = GC.AllocateUninitializedArray<byte>(size);
            Array.Fill(array, (byte)1);
            arrays.Add(new WeakReference<byte[]>(array));
            System.Buffers.ArrayPool<byte>.Shared.Return(array);
        }
    }

    /// <summary>Arrays of 1 MB, their pages written so they are resident.</summary>
    private static List<byte[]> Allocate(int megabytes)
    {
        var arrays = new List<byte[]>(megabytes);
        for (var i = 0; i < megabytes; i++)
        {
            var array = new byte[1 << 20];
            Array.Fill(array, (byte)1);
            arrays.Add(array);
        }
        return arrays;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
