using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Tests.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bridge.Tests.Messaging;

public sealed class BridgeMessagingOptionsTests
{
    [Fact]
    public async Task Production_WithoutConnectionSettings_RefusesToStartNamingBothKeys()
    {
        using var host = CounterSagaHost.Build(BridgeMode.Production);
        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        error.Message.ShouldContain("Bridge:RabbitMqUri is required");
        error.Message.ShouldContain("Bridge:PostgresConnectionString is required");
    }

    [Fact]
    public async Task Production_WithMalformedSettings_ReportsEachProblem()
    {
        using var host = CounterSagaHost.Build(BridgeMode.Production, "http://not-amqp/", "Host=x;NoSuchKeyword=1",
            extraSettings: new Dictionary<string, string?> { ["Bridge:ConcurrentMessageLimit"] = "0" });
        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        error.Failures.ShouldContain(f => f.Contains("'http://not-amqp/' is not an amqp://"));
        error.Failures.ShouldContain(f => f.StartsWith("Bridge:PostgresConnectionString is not a valid Npgsql connection string"));
        error.Failures.ShouldContain("Bridge:ConcurrentMessageLimit must be at least 1.");
    }

    [Fact]
    public void UnknownMode_IsRejectedAtRegistrationWithTheAllowedValues()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bridge:Mode"] = "Cloud" }).Build();
        var error = Should.Throw<OptionsValidationException>(() => new ServiceCollection().AddBridgeMessaging(configuration, _ => { }));
        error.Message.ShouldContain("Bridge:Mode 'Cloud' is not one of: Embedded, Production.");
    }

    [Fact]
    public void Defaults_AreEmbeddedAndValid()
    {
        var options = new BridgeMessagingOptions();
        options.Mode.ShouldBe(BridgeMode.Embedded);
        options.PrefetchCount.ShouldBe((ushort)64);
        options.ConcurrentMessageLimit.ShouldBe(32);
        new BridgeMessagingOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void RabbitMq_UnknownQueueTypeAndMalformedNodes_AreEachReported()
    {
        var options = new BridgeMessagingOptions
        {
            Mode = BridgeMode.Production,
            RabbitMqUri = "amqp://guest:guest@127.0.0.1:5672/",
            PostgresConnectionString = "Host=127.0.0.1;Database=bridge",
            RabbitMq = { QueueType = "mirrored", ClusterNodes = ["127.0.0.1:5672", "127.0.0.1:notaport", " "] },
        };

        var result = new BridgeMessagingOptionsValidator().Validate(null, options);

        result.Failures.ShouldBe([
            "Bridge:RabbitMq:QueueType 'mirrored' is not one of: classic, quorum.",
            "Bridge:RabbitMq:ClusterNodes:1 '127.0.0.1:notaport' is not a host or host:port.",
            "Bridge:RabbitMq:ClusterNodes:2 ' ' is not a host or host:port.",
        ]);
    }

    [Fact]
    public void RabbitMq_QuorumAndClusterNodes_BindFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bridge:RabbitMq:QueueType"] = "Quorum",
            ["Bridge:RabbitMq:ClusterNodes:0"] = "127.0.0.1:57850",
            ["Bridge:RabbitMq:ClusterNodes:1"] = "rabbit-2",
        }).Build();
        using var provider = new ServiceCollection().AddBridgeMessaging(configuration, _ => { }).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<BridgeMessagingOptions>>().Value;

        options.RabbitMq.QuorumQueues.ShouldBeTrue();
        options.RabbitMq.ClusterNodes.Select(ClusterNode.TryParse).ShouldBe([new ClusterNode("127.0.0.1", 57850), new ClusterNode("rabbit-2", null)]);
    }
}
