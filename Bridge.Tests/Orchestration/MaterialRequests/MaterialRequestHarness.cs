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

    public static async Task<MaterialRequestHarness> StartAsync(string stockWaitTimeout, string pickTimeout)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bridge:Mode"] = "Embedded",
            ["Bridge:MaterialRequests:StockWaitTimeout"] = stockWaitTimeout,
            ["Bridge:MaterialRequests:PickTimeout"] = pickTimeout,
        }).Build();
        var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddBridgeStorage(configuration)
            .AddBridgeProcesses()
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
