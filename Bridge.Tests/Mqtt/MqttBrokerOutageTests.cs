using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Bridge.Adapters.Mqtt;
using Bridge.Adapters.Mqtt.Embedded;
using MQTTnet;

namespace Bridge.Tests.Mqtt;

/// <summary>Brokers this test starts itself: restarted mid-stream, password-protected, TLS-only, and the embedded MQTTnet broker.</summary>
public sealed class MqttBrokerOutageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BrokerRestartedWhileASensorPublishesAtQos1_EveryMessageArrives_RepeatsOnlyAsRedeliveries()
    {
        await using var broker = await MosquittoProcess.StartAsync();
        if (broker is null)
            return;
        const int total = 300;
        var sink = new CountingSink();
        await using var adapter = await MqttAdapterHarness.StartAsync(sink, o =>
        {
            o.Port = broker.Port;
            o.ClientId = "restart-bridge";
            o.Subscriptions.Add(new MqttSubscriptionOptions { Topic = "plant/+/bin/+/level", System = "sensors", MessageType = "bin-level" });
        });
        var sensor = new RetryingSensor(broker.Port);
        for (var i = 0; i < total; i++)
        {
            if (i == total / 2)
            {
                // Hold what Bridge receives so messages sit unacknowledged in its session while the broker goes down.
                sink.Gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            if (i == total / 2 + 50)
            {
                await broker.StopAsync();
                sink.Gate!.TrySetResult(true);
                sink.Gate = null;
                await broker.StartAgainAsync();
            }

            await sensor.PublishAsync("plant/BER/bin/B1/level", i.ToString(CultureInfo.InvariantCulture));
        }

        await WaitUntilAsync(() => sink.Bodies.Distinct().Count() == total);
        sink.Bodies.Select(b => int.Parse(b, CultureInfo.InvariantCulture)).Distinct().Order().ShouldBe(Enumerable.Range(0, total));
        foreach (var repeat in sink.Taken.GroupBy(e => Encoding.UTF8.GetString(e.Body.Span)).Where(g => g.Count() > 1))
            repeat.Skip(1).ShouldAllBe(e => e.Metadata["dup"] == "true", $"message {repeat.Key} came twice without being a broker re-delivery");
        await sensor.DisposeAsync();
    }

    [Fact]
    public async Task WrongPassword_IsReportedClearly_AndTheAdapterKeepsTryingWithoutCrashing()
    {
        await using var broker = await MosquittoProcess.StartAsync(folder =>
        {
            var passwords = Path.Combine(folder, "passwords");
            File.WriteAllText(passwords, "");
            System.Diagnostics.Process.Start("/usr/bin/mosquitto_passwd", ["-b", passwords, "bridge", "right-password"])!.WaitForExit();
            return $"allow_anonymous false\npassword_file {passwords}";
        });
        if (broker is null)
            return;
        var env = "BRIDGE_TEST_MQTT_PASSWORD_" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        Environment.SetEnvironmentVariable(env, "wrong-password");
        await using var adapter = await MqttAdapterHarness.StartAsync(new CountingSink(), o =>
        {
            o.Port = broker.Port;
            o.User = "bridge";
            o.PasswordEnv = env;
            o.ReconnectMaxDelayMs = 100;
        }, waitConnected: false);
        await WaitUntilAsync(() => adapter.Connection.LastError is not null);
        adapter.Connection.State.ShouldNotBe(MqttConnectionState.Connected);
        adapter.Connection.LastError!.ShouldContain("broker refused the login of user 'bridge'");
        adapter.Connection.LastError!.ShouldContain(env);

        // The right password in the same variable: the adapter, still running, gets in on its next attempt.
        Environment.SetEnvironmentVariable(env, "right-password");
        await adapter.Connection.Connected.WaitAsync(Timeout);
        adapter.Connection.State.ShouldBe(MqttConnectionState.Connected);
    }

    [Fact]
    public async Task Tls_WithTheBrokersCa_Connects_AndAnotherCaIsRefused()
    {
        var certificates = Directory.CreateTempSubdirectory("bridge-mqtt-tls-").FullName;
        var caFile = WriteCertificates(certificates);
        // The broker's only listener is the one MosquittoProcess opens; these TLS settings apply to it.
        await using var tlsBroker = await MosquittoProcess.StartAsync(_ =>
            $"allow_anonymous true\ncafile {caFile}\ncertfile {certificates}/server.pem\nkeyfile {certificates}/server.key");
        if (tlsBroker is null)
            return;
        var sink = new CountingSink();
        await using (var adapter = await MqttAdapterHarness.StartAsync(sink, o =>
        {
            o.Port = tlsBroker.Port;
            o.Tls.Enabled = true;
            o.Tls.CaFile = caFile;
            o.Tls.TargetHost = "localhost";
            o.Subscriptions.Add(new MqttSubscriptionOptions { Topic = "tls/+", System = "sensors", MessageType = "bin-level" });
        }))
        {
            adapter.Connection.State.ShouldBe(MqttConnectionState.Connected);
        }

        var otherCa = WriteCertificates(Directory.CreateTempSubdirectory("bridge-mqtt-other-").FullName);
        await using var refused = await MqttAdapterHarness.StartAsync(new CountingSink(), o =>
        {
            o.Port = tlsBroker.Port;
            o.Tls.Enabled = true;
            o.Tls.CaFile = otherCa;
            o.Tls.TargetHost = "localhost";
        }, waitConnected: false);
        await WaitUntilAsync(() => refused.Connection.LastError is not null);
        refused.Connection.State.ShouldNotBe(MqttConnectionState.Connected);
    }

    [Fact]
    public async Task Tls_BrokerRequiresAClientCertificate_ConnectsWithIt_AndIsRefusedWithout()
    {
        var certificates = Directory.CreateTempSubdirectory("bridge-mqtt-mtls-").FullName;
        var caFile = WriteCertificates(certificates);
        await using var tlsBroker = await MosquittoProcess.StartAsync(_ =>
            $"allow_anonymous true\ncafile {caFile}\ncertfile {certificates}/server.pem\nkeyfile {certificates}/server.key\nrequire_certificate true");
        if (tlsBroker is null)
            return;
        var sink = new CountingSink();
        await using (var adapter = await MqttAdapterHarness.StartAsync(sink, o =>
        {
            o.Port = tlsBroker.Port;
            o.Tls.Enabled = true;
            o.Tls.CaFile = caFile;
            o.Tls.ClientCertFile = Path.Combine(certificates, "client.pem");
            o.Tls.ClientKeyFile = Path.Combine(certificates, "client.key");
            o.Tls.TargetHost = "localhost";
            o.Subscriptions.Add(new MqttSubscriptionOptions { Topic = "mtls/+", System = "sensors", MessageType = "bin-level" });
        }))
        {
            adapter.Connection.State.ShouldBe(MqttConnectionState.Connected);
        }

        await using var refused = await MqttAdapterHarness.StartAsync(new CountingSink(), o =>
        {
            o.Port = tlsBroker.Port;
            o.Tls.Enabled = true;
            o.Tls.CaFile = caFile;
            o.Tls.TargetHost = "localhost";
        }, waitConnected: false);
        await WaitUntilAsync(() => refused.Connection.LastError is not null);
        refused.Connection.State.ShouldNotBe(MqttConnectionState.Connected);
    }

    [Fact]
    public async Task EmbeddedBroker_TakesASensorReading_WithNoMosquitto()
    {
        var port = FreePort();
        var sink = new CountingSink();
        await using var adapter = await MqttAdapterHarness.StartAsync(sink, o =>
        {
            o.Port = port;
            o.Subscriptions.Add(new MqttSubscriptionOptions { Topic = "plant/+/line/+/bin/+/level", System = "sensors", MessageType = "bin-level" });
        }, more => more.AddMqttEmbeddedBroker(b => b.Port = port));
        using var sensor = await MqttTestBroker.ConnectAsync("127.0.0.1", port);
        await MqttTestBroker.PublishAsync(sensor, "plant/BER/line/L1/bin/L1-ST03-A/level", "42.5");
        await sink.WaitForCountAsync(1, Timeout);
        sink.Taken.Single().Metadata["wildcard.2"].ShouldBe("L1-ST03-A");
    }

    /// <summary>A CA, a server certificate for localhost/127.0.0.1 and a client certificate signed by it, as PEM files; returns the CA file.</summary>
    private static string WriteCertificates(string folder)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Bridge Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var notBefore = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        using var ca = caRequest.CreateSelfSigned(notBefore, notBefore.AddYears(10));
        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(ca, notBefore, notBefore.AddYears(5), [1, 2, 3, 4, 5, 6, 7, 8]);
        File.WriteAllText(Path.Combine(folder, "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "server.pem"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
        using var clientKey = RSA.Create(2048);
        var clientRequest = new CertificateRequest("CN=bridge", clientKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        clientRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var client = clientRequest.Create(ca, notBefore, notBefore.AddYears(5), [8, 7, 6, 5, 4, 3, 2, 1]);
        File.WriteAllText(Path.Combine(folder, "client.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "client.key"), clientKey.ExportPkcs8PrivateKeyPem());
        return Path.Combine(folder, "ca.pem");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Timeout)
                throw new TimeoutException("condition not met within " + Timeout);
            await Task.Delay(20);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A sensor that keeps each QoS 1 reading until the broker acknowledged it, reconnecting as needed.</summary>
    private sealed class RetryingSensor(int port) : IAsyncDisposable
    {
        private IMqttClient? _client;

        public async Task PublishAsync(string topic, string payload)
        {
            while (true)
            {
                try
                {
                    _client ??= await MqttTestBroker.ConnectAsync("127.0.0.1", port, "restart-sensor", clean: false);
                    await MqttTestBroker.PublishAsync(_client, topic, payload);
                    return;
                }
                catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException
                                               or MQTTnet.Adapter.MqttConnectingFailedException or OperationCanceledException or SocketException)
                {
                    _client?.Dispose();
                    _client = null;
                    await Task.Delay(50);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is { IsConnected: true })
                await _client.DisconnectAsync();
            _client?.Dispose();
        }
    }
}
