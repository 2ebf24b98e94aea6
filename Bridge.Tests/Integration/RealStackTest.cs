using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;

namespace Bridge.Tests.Integration;

/// <summary>
/// A test class on the real stack: each test gets its own RabbitMQ virtual host and PostgreSQL database (named after
/// <paramref name="purpose"/>) and loopback receivers for the named systems. Without servers (a plain
/// <c>dotnet test</c>) <see cref="Receivers"/> stays null and the tests return; under <c>./test.sh</c>
/// <see cref="TestServers.Available"/> fails them instead.
/// </summary>
public abstract class RealStackTest(string purpose, params string[] systems) : IAsyncLifetime
{
    protected string Rabbit { get; private set; } = "";

    protected string Postgres { get; private set; } = "";

    protected SimulatedSystems? Receivers { get; private set; }

    public virtual async Task InitializeAsync()
    {
        if (!TestServers.Available)
        {
            return;
        }

        Rabbit = await TestServers.CreateVirtualHostAsync(purpose);
        Postgres = await TestServers.CreateDatabaseAsync(purpose);
        Receivers = await SimulatedSystems.StartAsync(systems);
    }

    public virtual async Task DisposeAsync()
    {
        if (Receivers is not null)
        {
            await Receivers.DisposeAsync();
        }
    }
}
