namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>One RabbitMQ node of <see cref="BridgeRabbitMqOptions.ClusterNodes"/>: a host name and, when given, its AMQP port.</summary>
public sealed record ClusterNode(string Host, int? Port)
{
    /// <summary><c>host</c> or <c>host:port</c> (an IPv6 address in brackets); null when it is neither.</summary>
    public static ClusterNode? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Contains('/', StringComparison.Ordinal) || text.Contains('@', StringComparison.Ordinal)
            || !Uri.TryCreate("amqp://" + text.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            return null;
        return new ClusterNode(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? null : uri.Port);
    }

    /// <summary>What MassTransit's cluster configurator takes: <c>host</c> or <c>host:port</c>.</summary>
    public override string ToString() => Port is { } port ? $"{Host}:{port}" : Host;
}
