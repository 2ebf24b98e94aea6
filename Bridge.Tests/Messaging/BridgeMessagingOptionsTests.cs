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
}
