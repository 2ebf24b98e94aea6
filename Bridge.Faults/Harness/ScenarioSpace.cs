using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Bridge.Faults.Harness;

/// <summary>
/// One scenario's own corner of the shared servers: a RabbitMQ virtual host, a PostgreSQL database, a folder, and a
/// copy of config/ with the line-side locations its sensor load reads. Nothing one scenario leaves behind (queued
/// messages, saga rows, retry jobs) reaches the next.
/// </summary>
public sealed record ScenarioSpace(string Name, Uri RabbitMq, string Postgres, string Directory, string ConfigDirectory)
{
    /// <summary>The line every generated sensor location is on (config/line-side.yaml gets one location per sensor).</summary>
    public const string SensorLine = "LF";

    public static async Task<ScenarioSpace> CreateAsync(FaultRun run, FaultServers servers, string scenario, int sensorLocations, CancellationToken ct)
    {
        var name = "faults-" + scenario.ToLowerInvariant() + "-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(run.WorkDirectory, name)).FullName;

        using (var management = new HttpClient { BaseAddress = new Uri(servers.RabbitMqManagement.GetLeftPart(UriPartial.Authority)) })
        {
            management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(servers.RabbitMqManagement.UserInfo))));
            using (var created = await management.PutAsync($"/api/vhosts/{Uri.EscapeDataString(name)}", null, ct))
            {
                created.EnsureSuccessStatusCode();
            }

            using var permissions = await management.PutAsync($"/api/permissions/{Uri.EscapeDataString(name)}/guest",
                new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"), ct);
            permissions.EnsureSuccessStatusCode();
        }

        // No pool: a pooled connection from before a scenario's PostgreSQL restart would be dead.
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(servers.Postgres) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"create database \"{name}\" owner bridge", connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        var config = Path.Combine(directory, "config");
        Copy(servers.ConfigDirectory, config);
        await File.AppendAllTextAsync(Path.Combine(config, "line-side.yaml"), SensorLocations(sensorLocations), ct);
        var rabbit = new UriBuilder(servers.RabbitMq) { Path = "/" + Uri.EscapeDataString(name) }.Uri;
        var postgres = new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = name }.ConnectionString;
        return new ScenarioSpace(name, rabbit, postgres, directory, config);
    }

    /// <summary>The id of generated sensor location <paramref name="index"/>; its topic is <see cref="SensorTopic"/>.</summary>
    public static string SensorLocation(int index) => $"LF-S{index:0000}";

    public static string SensorTopic(int index) => $"plant/p1/line/{SensorLine}/bin/{SensorLocation(index)}/level";

    // Min-max locations fed by a '%' sensor: reorder at 40 % of 100, refill from WH-B (wms-b gets the request). The
    // lead time is long so that no location asks twice within a run.
    private static string SensorLocations(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                  {SensorLocation(i)}:
                    line: {SensorLine}
                    material: A-100
                    unit: pcs
                    reorderPoint: 40
                    max: 100
                    packSize: 10
                    source: [WH-B]
                    leadTime: "06:00:00"
                    signals:
                      - sensor: {SensorTopic(i)}

                """);
        }

        return text.ToString();
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
