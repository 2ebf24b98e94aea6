namespace Bridge.Tests.Integration;

/// <summary>A <see cref="RealStackTest"/> whose tests share one production-mode host, started for the class.</summary>
public abstract class RealStackHostTest(string purpose, params string[] systems) : RealStackTest(purpose, systems)
{
    protected BridgeTestHost? Host { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (Receivers is not null)
        {
            Host = await BridgeTestHost.StartAsync(Rabbit, Postgres, Receivers);
        }
    }

    public override async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
