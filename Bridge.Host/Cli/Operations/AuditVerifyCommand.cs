using System.CommandLine;
using Bridge.Host.Infrastructure.Audit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Host.Cli.Operations;

/// <summary>
/// <c>audit verify [--postgres CONNECTION]</c>: walks every day's hash chain in PostgreSQL. Exit 0 when every link
/// holds; 1 naming the first broken link (day, row, why) or when the database cannot be read.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string (default: the environment variable Bridge__PostgresConnectionString)" };
        var command = new Command("verify", "Check that no audit row was changed, removed or inserted; print the first broken link.") { postgres };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(postgres) ?? Environment.GetEnvironmentVariable("Bridge__PostgresConnectionString"),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(string? connectionString, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("no database: give --postgres or set Bridge__PostgresConnectionString (the embedded default keeps its audit trail in memory)");
            return 1;
        }

        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var (rows, broken) = await AuditVerifier.VerifyAsync(new PostgresAuditTrail(dataSource, Options.Create(new AuditOptions())), ct);
            if (broken is not null)
            {
                await error.WriteLineAsync($"audit chain broken at {broken} ({rows} row(s) before it hold)");
                return 1;
            }

            await output.WriteLineAsync($"audit chain holds: {rows} row(s)");
            return 0;
        }
        catch (NpgsqlException ex)
        {
            await error.WriteLineAsync("cannot read the audit trail: " + ex.Message);
            return 1;
        }
    }
}
