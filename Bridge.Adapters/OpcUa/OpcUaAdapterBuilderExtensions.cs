using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bridge.Adapters.OpcUa;

public static class OpcUaAdapterBuilderExtensions
{
    /// <summary>
    /// Registers a named OPC UA device, the one way a device is registered: options from
    /// <c>Bridge:Adapters:OpcUa:{name}</c> (then <paramref name="configure"/>, e.g. a loaded device file's
    /// <c>CopyTo</c>), validated at start; a keyed <see cref="OpcUaDevice"/> run by a hosted service (its values go
    /// to the one <see cref="IEnvelopeSink"/> the host registers); and a keyed <see cref="OpcUaOutboundSender"/>
    /// under <see cref="AdapterKey.For"/>("opcua", <paramref name="name"/>) that writes to the device.
    /// </summary>
    public static IBridgeBuilder AddOpcUaAdapter(this IBridgeBuilder builder, string name, Action<OpcUaAdapterOptions>? configure = null)
    {
        builder.Services.AddOptions<OpcUaAdapterOptions>(name)
            .BindConfiguration($"Bridge:Adapters:OpcUa:{name}")
            .Configure(o => configure?.Invoke(o))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpcUaAdapterOptions>, OpcUaAdapterOptionsValidator>());
        builder.Services.AddKeyedSingleton(name, (sp, _) => new OpcUaDevice(
            name,
            sp.GetRequiredService<IOptionsMonitor<OpcUaAdapterOptions>>().Get(name),
            sp.GetRequiredService<IEnvelopeSink>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton<IHostedService>(sp => new OpcUaDeviceService(sp.GetRequiredKeyedService<OpcUaDevice>(name)));
        builder.Services.AddSingleton<IAdapterConnection>(sp => sp.GetRequiredKeyedService<OpcUaDevice>(name));
        builder.Services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("opcua", name), (sp, _) => new OpcUaOutboundSender(
            sp.GetRequiredKeyedService<OpcUaDevice>(name),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bridge.Adapters.OpcUa." + name)));
        return builder;
    }
}
