using Bridge.Adapters.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bridge.Adapters.OpcUa.Devices;

public static class OpcUaAdapterBuilderExtensions
{
    /// <summary>
    /// Registers a named OPC UA device: options from <c>Bridge:Adapters:OpcUa:{name}</c> (then
    /// <paramref name="configure"/>, e.g. from <see cref="OpcUaDeviceFile"/>), validated at start; a keyed
    /// <see cref="OpcUaDevice"/> (for write-backs) and a hosted service running it. The host registers one
    /// <see cref="IOpcUaEnvelopeSink"/> that maps and publishes the envelopes.
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
            sp.GetRequiredService<IOpcUaEnvelopeSink>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton<IHostedService>(sp => new OpcUaDeviceService(sp.GetRequiredKeyedService<OpcUaDevice>(name)));
        return builder;
    }

    /// <summary>
    /// Registers one device per <c>*.yaml</c> file of <paramref name="directory"/> (the file name is the adapter
    /// name). Every problem of every file is collected; any problem throws <see cref="OpcUaAdapterException"/>
    /// listing them all, so the host refuses to start on invalid configuration.
    /// </summary>
    public static IBridgeBuilder AddOpcUaDevices(this IBridgeBuilder builder, string directory)
    {
        if (!Directory.Exists(directory))
        {
            return builder;
        }
        var loaded = Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(OpcUaDeviceFile.Load).ToList();
        var problems = loaded.SelectMany(l => l.Errors).ToList();
        if (problems.Count > 0)
        {
            throw new OpcUaAdapterException(problems);
        }
        foreach (var device in loaded)
        {
            builder.AddOpcUaAdapter(device.Name, device.Options!.CopyTo);
        }
        return builder;
    }
}
