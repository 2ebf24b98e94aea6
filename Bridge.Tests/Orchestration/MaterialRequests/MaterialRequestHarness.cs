using Bridge.Host.Composition;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Tests.Messaging;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>
/// The material request saga on MassTransit's test harness with the production registration (embedded stores), shared
/// by the saga test classes; only the two timeouts differ between them.
/// </summary>
internal sealed class MaterialRequestHarness : IAsyncDisposable
{
    private MaterialRequestHarness(ServiceProvider provider)
    {
        Provider = provider;
        Bus = provider.GetRequiredService<ITestHarness>();
        Saga = Bus.GetSagaStateMachineHarness<MaterialRequestStateMachine, MaterialRequestState>();
    }

    public ServiceProvider Provider { get; }
    public ITestHarness Bus { get; }
    public ISagaStateMachineTestHarness<MaterialRequestStateMachine, MaterialRequestState> Saga { get; }

    /// <param name="settings">More configuration (e.g. <c>Bridge:Transfers:DeliveryTimeout</c>).</param>
    /// <param name="services">More registrations after the production ones (e.g. a <c>WarehouseCatalog</c>).</param>
    public static async Task<MaterialRequestHarness> StartAsync(
        string stockWaitTimeout, string pickTimeout, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Bridge:Mode"] = "Embedded",
            ["Bridge:MaterialRequests:StockWaitTimeout"] = stockWaitTimeout,
            ["Bridge:MaterialRequests:PickTimeout"] = pickTimeout,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddBridgeStorage(configuration)
            .AddBridgeProcesses();
        services?.Invoke(collection);
        var provider = collection
            .AddBridgeMessagingTestHarness(x => x.AddBridgeConsumers([]))
            .BuildServiceProvider(true);
        var harness = new MaterialRequestHarness(provider);
        await harness.Bus.Start();
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.Stop();
        await Provider.DisposeAsync();
    }
}
