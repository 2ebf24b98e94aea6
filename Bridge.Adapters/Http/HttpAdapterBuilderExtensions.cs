using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bridge.Adapters.Http;

public static class HttpAdapterBuilderExtensions
{
    /// <summary>Registers a named HTTP adapter: options from <c>Bridge:Adapters:Http:{name}</c>, validated at start, and a keyed <see cref="HttpOutboundSender"/>.</summary>
    public static IBridgeBuilder AddHttpAdapter(this IBridgeBuilder builder, string name, Action<HttpAdapterOptions>? configure = null)
    {
        builder.Services.AddOptions<HttpAdapterOptions>(name)
            .BindConfiguration($"Bridge:Adapters:Http:{name}")
            .Configure(o => configure?.Invoke(o))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpAdapterOptions>, HttpAdapterOptionsValidator>());
        builder.Services.AddHttpClient($"bridge-http-{name}");
        builder.Services.AddKeyedSingleton(name, (sp, _) => new HttpOutboundSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient($"bridge-http-{name}"),
            sp.GetRequiredService<IOptionsMonitor<HttpAdapterOptions>>().Get(name),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bridge.Adapters.Http." + name),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("http", name), (sp, _) => sp.GetRequiredKeyedService<HttpOutboundSender>(name));
        return builder;
    }
}
