using Bridge.Contracts.Messages;
using Bridge.Mappings;
using Bridge.Mappings.Diagnostics;

namespace Bridge.Tests.Mappings;

public sealed class MappingSetWatcherTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bridge-watch-" + Guid.NewGuid().ToString("N"));

    public MappingSetWatcherTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "mappings", "mes"));
        File.WriteAllText(MappingFile, Mapping("reqNo"));
    }

    private string MappingFile => Path.Combine(_dir, "mappings", "mes", "request.yaml");

    private static string Mapping(string requestIdPath) => $"""
        system: mes
        direction: inbound
        messageType: material-request
        produces: MaterialRequested
        fields:
          requestId: {requestIdPath}
          orderId: order
          location: station
        """;

    [Fact]
    public async Task BadChangeOnDisk_IsRejected_AndOldMappingKeepsServing_ThenAGoodChangeIsSwappedIn()
    {
        var initial = MappingSet.LoadDirectory(_dir).Set.ShouldNotBeNull();
        using var watcher = new MappingSetWatcher(_dir, initial);
        var rejected = new TaskCompletionSource<IReadOnlyList<ConfigurationError>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reloaded = new TaskCompletionSource<MappingSet>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Rejected += errors => rejected.TrySetResult(errors);
        watcher.Reloaded += set => reloaded.TrySetResult(set);

        await File.WriteAllTextAsync(MappingFile, Mapping("upper(reqNo"));
        var errors = await rejected.Task.WaitAsync(TimeSpan.FromSeconds(10));

        errors.ShouldHaveSingleItem().Message.ShouldStartWith("syntax error in expression 'upper(reqNo'");
        watcher.Current.ShouldBeSameAs(initial);
        Map(watcher.Current).RequestId.ShouldBe("r-1");

        await File.WriteAllTextAsync(MappingFile, Mapping("concat('X-', reqNo)"));
        var swapped = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));

        watcher.Current.ShouldBeSameAs(swapped);
        Map(watcher.Current).RequestId.ShouldBe("X-r-1");
    }

    private static MaterialRequested Map(MappingSet set) =>
        (MaterialRequested)set.FindInbound("mes", "material-request")!
            .Map("""{"reqNo":"r-1","order":"o-1","station":"s-1"}"""u8.ToArray(), "application/json", new Dictionary<string, string>())
            .Messages.Single().Message;

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
