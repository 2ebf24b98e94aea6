using System.Net.Sockets;

namespace Bridge.Tests.Persistence;

/// <summary>
/// Connection settings for the servers ./test.sh starts. With BRIDGE_TEST_REQUIRE_SERVERS=1 a missing or unreachable
/// server fails the test with a clear message; without it the test returns early (a developer's plain dotnet test).
/// </summary>
public static class TestServers
{
    public static bool Required => Environment.GetEnvironmentVariable("BRIDGE_TEST_REQUIRE_SERVERS") == "1";

    public static string? Postgres => Reachable("BRIDGE_TEST_POSTGRES", ParsePostgres);

    public static string? RabbitMq => Reachable("BRIDGE_TEST_RABBITMQ", value =>
    {
        var uri = new Uri(value);
        return (uri.Host, uri.Port > 0 ? uri.Port : 5672);
    });

    static string? Reachable(string variable, Func<string, (string Host, int Port)> endpoint)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (Required)
                Assert.Fail($"{variable} is not set but BRIDGE_TEST_REQUIRE_SERVERS=1: run the tests through ./test.sh.");
            return null;
        }

        var (host, port) = endpoint(value);
        try
        {
            using var client = new TcpClient();
            client.Connect(host, port);
        }
        catch (SocketException e)
        {
            if (Required)
                Assert.Fail($"{variable}={value}: nothing listens on {host}:{port} ({e.SocketErrorCode}).");
            return null;
        }

        return value;
    }

    static (string Host, int Port) ParsePostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return (builder.Host ?? "127.0.0.1", builder.Port);
    }
}
