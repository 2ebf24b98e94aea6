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
    /// Threads that stay alive (as a host's thread-pool threads do) each park arrays of 256 KiB–1 MiB (the sizes R4's host parks) in the shared
    /// pool: the floor right away holds them, the one after the pool's idle trim does not, and a leak stays in both.
    /// </summary>
    [Fact]
    public async Task ArraysParkedInTheSharedPool_LeaveTheSettledFloor_ALeakStays()
    {
        const int Threads = 32;
        var path = Path.Combine(_directory, "memory.csv");
        using var log = new MemoryLog(path, TimeProvider.System);
        await log.StartAsync(CancellationToken.None);
        var reader = new HostMemoryLog(path);
        var timeout = TimeSpan.FromSeconds(30);
        var before = await reader.FloorAsync(timeout, CancellationToken.None);
        var leak = Allocate(64);

        using var release = new ManualResetEventSlim();
        using var parked = new CountdownEvent(Threads);
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            ParkInTheSharedPool();
            parked.Signal();
            release.Wait();
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        parked.Wait();

        var (immediate, settled) = await reader.SettledFloorAsync(timeout, TimeSpan.FromSeconds(35), CancellationToken.None);
        release.Set();
        threads.ForEach(t => t.Join());
        GC.KeepAlive(leak);
        await log.StopAsync(CancellationToken.None);
        output.WriteLine($"before: {before}; right away: {immediate}; after the pool's idle trim: {settled}");

        before.ShouldNotBeNull();
        immediate.ShouldNotBeNull();
        settled.ShouldNotBeNull();
        const double ParkedMb = Threads * 1.75;
        immediate.HeapMb.ShouldBeGreaterThan(before.HeapMb + 64 + ParkedMb * 0.8, "arrays parked per thread are alive right after the pass");
        settled.HeapMb.ShouldBeLessThan(immediate.HeapMb - ParkedMb * 0.8, "the pool drops what threads parked once it has sat unused");
        settled.HeapMb.ShouldBeGreaterThan(before.HeapMb + 64 * 0.8, "what is kept alive stays in the settled floor");
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
    private static void ParkInTheSharedPool()
    {
        foreach (var size in new[] { 256 << 10, 512 << 10, 1 << 20 })
        {
            var array = System.Buffers.ArrayPool<byte>.Shared.Rent(size);
            Array.Fill(array, (byte)1);
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
