using System.Runtime.CompilerServices;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.DeadLetters;

/// <summary>
/// Found by the fault suite's R4 (host memory under hostile input): a heap dump of the host after the flood found
/// multi-megabyte dead-letter bodies alive, held by idle connections of Npgsql's pool — a connection's reader keeps
/// its last command, with its parameters, until the connection runs another. So each idle connection could keep the
/// last body it stored (up to the HTTP body limit). The store now lets go of its parameters after the insert.
/// Real PostgreSQL, production mode.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DeadLetterBodyRetentionTests() : RealStackHostTest("dlkeep", "mes", "wms-a")
{
    [Fact]
    public async Task PostgresStore_KeepsNoReferenceToABodyItStored()
    {
        if (Host is null)
        {
            return;
        }

        var store = Host.Services.GetRequiredService<IDeadLetterStore>();
        store.ShouldBeOfType<PostgresDeadLetterStore>();

        var body = await StoreAsync(store);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        body.IsAlive.ShouldBeFalse("nothing in the host should hold a stored dead letter's body");
    }

    /// <summary>Apart, so the test method's own frame holds no reference to the body.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> StoreAsync(IDeadLetterStore store)
    {
        var body = new byte[1024 * 1024];
        var letter = new DeadLetter(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "scada", "bin-level", "scada-bin-level",
            "application/json", body, "a reason", new Dictionary<string, string>());
        await store.AddAsync(letter, CancellationToken.None);
        return new WeakReference(body);
    }
}
