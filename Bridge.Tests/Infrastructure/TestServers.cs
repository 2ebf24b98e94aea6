using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Bridge.Tests.Infrastructure;

/// <summary>
/// The real servers ./test.sh started. Each test gets its own RabbitMQ virtual host and its own PostgreSQL
/// database, so tests never see each other's queues or rows. Without ./test.sh (BRIDGE_TEST_REQUIRE_SERVERS unset)
/// <see cref="Available"/> is false and integration tests return early; under ./test.sh a missing server fails them.
/// </summary>
public static class TestServers
{
    public static string? RabbitMqUri => Environment.GetEnvironmentVariable("BRIDGE_TEST_RABBITMQ");

    public static string? RabbitMqManagement => Environment.GetEnvironmentVariable("BRIDGE_TEST_RABBITMQ_MANAGEMENT");

    public static string? Postgres => Environment.GetEnvironmentVariable("BRIDGE_TEST_POSTGRES");

    public static bool Required => Environment.GetEnvironmentVariable("BRIDGE_TEST_REQUIRE_SERVERS") == "1";

    /// <summary>True when RabbitMQ and PostgreSQL are configured; throws under ./test.sh when they are not.</summary>
    public static bool Available
    {
        get
        {
            var present = RabbitMqUri is not null && RabbitMqManagement is not null && Postgres is not null;
            if (!present && Required)
            {
                throw new InvalidOperationException(
                    "BRIDGE_TEST_RABBITMQ, BRIDGE_TEST_RABBITMQ_MANAGEMENT and BRIDGE_TEST_POSTGRES must be set: run the tests through ./test.sh");
            }

            return present;
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
        var amqp = new UriBuilder(RabbitMqUri!) { Path = "/" + escaped };
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
