using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using System.Net.Sockets;

namespace Bridge.Tests.Infrastructure;

/// <summary>
/// Connection settings for the servers ./test.sh starts. With BRIDGE_TEST_REQUIRE_SERVERS=1 a missing or unreachable
/// server fails the test with a clear message; without it the test returns early (a developer's plain dotnet test).
/// Tests that must not see each other's queues or rows take their own RabbitMQ virtual host and PostgreSQL database.
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

    public static string? RabbitMqManagement => Environment.GetEnvironmentVariable("BRIDGE_TEST_RABBITMQ_MANAGEMENT");

    /// <summary>True when RabbitMQ (with its management API) and PostgreSQL are there; fails the test under ./test.sh when not.</summary>
    public static bool Available
    {
        get
        {
            if (RabbitMqManagement is null && Required)
                Assert.Fail("BRIDGE_TEST_RABBITMQ_MANAGEMENT is not set but BRIDGE_TEST_REQUIRE_SERVERS=1: run the tests through ./test.sh.");
            return RabbitMq is not null && Postgres is not null && RabbitMqManagement is not null;
        }
    }

    /// <summary>Creates a fresh virtual host and returns an AMQP URI pointing at it.</summary>
    public static async Task<string> CreateVirtualHostAsync(string purpose)
    {
        var name = $"t-{purpose}-{Guid.NewGuid():N}"[..Math.Min(60, purpose.Length + 35)];
        var management = new Uri(RabbitMqManagement!);
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        var escaped = Uri.EscapeDataString(name);
        (await http.PutAsync($"/api/vhosts/{escaped}", new StringContent("{}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await http.PutAsync($"/api/permissions/{escaped}/guest",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var amqp = new UriBuilder(RabbitMq!) { Path = "/" + escaped };
        return amqp.Uri.AbsoluteUri;
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = ("t_" + purpose.Replace('-', '_') + "_" + Guid.NewGuid().ToString("N")).ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(Postgres))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }
}
