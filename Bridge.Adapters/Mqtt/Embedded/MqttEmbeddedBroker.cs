using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace Bridge.Adapters.Mqtt.Embedded;

/// <summary>
/// An MQTTnet broker inside the host, so a sensor or <c>mosquitto_pub</c> can talk to Bridge with nothing installed.
/// A port already in use is logged and the host goes on (the adapter then keeps trying to connect).
/// </summary>
public sealed class MqttEmbeddedBroker(IOptions<MqttEmbeddedBrokerOptions> options, ILogger<MqttEmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;

    public bool IsRunning => _server?.IsStarted == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
            return;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(o.Address))
            .WithDefaultEndpointPort(o.Port)
            .WithPersistentSessions()
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(serverOptions);
        // mosquitto_pub and many sensors connect with an empty client id and expect the broker to assign one (MQTT 3.1.1 §3.1.3.1).
        server.ValidatingConnectionAsync += e =>
        {
            if (string.IsNullOrEmpty(e.ClientId))
                e.AssignedClientIdentifier = "anonymous-" + Guid.NewGuid().ToString("N");
            return Task.CompletedTask;
        };
        try
        {
            await server.StartAsync().ConfigureAwait(false);
            _server = server;
            Log.BrokerStarted(logger, o.Address, o.Port);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or InvalidOperationException)
        {
            Log.BrokerFailed(logger, o.Address, o.Port, ex.Message);
            server.Dispose();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
            server.Dispose();
        }
    }
}
