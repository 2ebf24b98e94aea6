using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bridge.Adapters.Amqp;

public static class AmqpAdapterBuilderExtensions
{
    /// <summary>
    /// Registers a named connection to a system's RabbitMQ: options from <c>Bridge:Adapters:Amqp:{name}</c> (then
    /// <paramref name="configure"/>), validated at start; a keyed <see cref="AmqpConnection"/> run by a hosted service
    /// that hands deliveries to the host's <see cref="IEnvelopeSink"/>; and a keyed <see cref="AmqpOutboundSender"/>
    /// under <see cref="AdapterKey.For"/>("amqp", <paramref name="name"/>).
    /// </summary>
    public static IBridgeBuilder AddAmqpAdapter(this IBridgeBuilder builder, string name, Action<AmqpAdapterOptions>? configure = null)
    {
        builder.Services.AddOptions<AmqpAdapterOptions>(name)
            .BindConfiguration($"Bridge:Adapters:Amqp:{name}")
            .Configure(o => configure?.Invoke(o))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AmqpAdapterOptions>, AmqpAdapterOptionsValidator>());
        builder.Services.AddKeyedSingleton(name, (sp, _) => new AmqpConnection(
            name,
            sp.GetRequiredService<IOptionsMonitor<AmqpAdapterOptions>>().Get(name),
            sp.GetRequiredService<IEnvelopeSink>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bridge.Adapters.Amqp." + name),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton<IHostedService>(sp => new AmqpConnectionService(sp.GetRequiredKeyedService<AmqpConnection>(name)));
        builder.Services.AddSingleton<IAdapterConnection>(sp => sp.GetRequiredKeyedService<AmqpConnection>(name));
        builder.Services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("amqp", name), (sp, _) => new AmqpOutboundSender(sp.GetRequiredKeyedService<AmqpConnection>(name)));
        return builder;
    }
}
