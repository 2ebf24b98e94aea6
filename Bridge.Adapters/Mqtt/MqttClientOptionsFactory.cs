using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace Bridge.Adapters.Mqtt;

/// <summary>Turns <see cref="MqttAdapterOptions"/> into MQTTnet's client options (session, protocol, credentials, TLS).</summary>
internal static class MqttClientOptionsFactory
{
    public static MqttClientOptions Build(string name, MqttAdapterOptions options)
    {
        var v5 = options.ProtocolVersion == "5";
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(string.IsNullOrWhiteSpace(options.ClientId) ? "bridge-" + name : options.ClientId)
            .WithCleanSession(options.CleanSession)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithProtocolVersion(v5 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311);
        if (v5)
        {
            builder.WithReceiveMaximum((ushort)options.MaxInFlight)
                .WithSessionExpiryInterval(options.CleanSession ? 0 : options.SessionExpirySeconds);
        }

        if (!string.IsNullOrEmpty(options.User))
        {
            var password = string.IsNullOrEmpty(options.PasswordEnv) ? null : Environment.GetEnvironmentVariable(options.PasswordEnv);
            builder.WithCredentials(options.User, password ?? "");
        }

        if (options.Tls.Enabled)
        {
            builder.WithTlsOptions(tls => Configure(tls, options));
        }

        return builder.Build();
    }

    private static void Configure(MqttClientTlsOptionsBuilder tls, MqttAdapterOptions options)
    {
        tls.UseTls().WithTargetHost(options.Tls.TargetHost ?? options.Host);
        if (options.Tls.ClientCertFile is { Length: > 0 } cert && options.Tls.ClientKeyFile is { Length: > 0 } key)
        {
            tls.WithClientCertificates([X509Certificate2.CreateFromPemFile(cert, key)]);
        }

        if (options.Tls.CaFile is { Length: > 0 } caFile)
        {
            var ca = X509CertificateLoader.LoadCertificateFromFile(caFile);
            tls.WithCertificateValidationHandler(args => TrustedBy(ca, args.Certificate, args.SslPolicyErrors));
        }
    }

    /// <summary>The broker's certificate must chain to the configured CA and carry the host name (no name mismatch).</summary>
    private static bool TrustedBy(X509Certificate2 ca, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}
