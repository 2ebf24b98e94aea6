using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// A deferred write that must change at least one row (an update naming the version it read). Sent in the round trip
/// of the commit, its row count cannot be looked at before <c>COMMIT</c> runs; so the statement itself fails when it
/// changed nothing — it casts a text naming this check to an integer, only when no row came back — PostgreSQL skips the
/// rest of the batch, COMMIT included, and <see cref="Explain"/> recognises its own failure by that text (Npgsql does not
/// say which statement of a batch failed) and turns it into <paramref name="failure"/>.
/// </summary>
public sealed class RowsExpected(Func<Exception> failure)
{
    readonly string _name = $"rows expected {Guid.NewGuid():N}";

    /// <summary>
    /// <paramref name="dataModification"/> (an INSERT, UPDATE or DELETE without RETURNING) as a statement that fails when it
    /// writes no row; the statement's parameters and <see cref="Bind"/>'s. The cast reads <c>count(*)</c> so that the
    /// planner cannot fold it into a constant and fail the statement before it runs.
    /// </summary>
    public static string Sql(string dataModification) =>
        $"WITH written AS ({dataModification} RETURNING 1) SELECT (@rows_expected::text || count(*))::int FROM written HAVING count(*) = 0";

    /// <summary>Adds the parameter that names this check to a statement made by <see cref="Sql"/>.</summary>
    public NpgsqlBatchCommand Bind(NpgsqlBatchCommand command)
    {
        command.Parameters.AddWithValue("rows_expected", _name);
        return command;
    }

    public Exception? Explain(PostgresException error) =>
        error.SqlState == PostgresErrorCodes.InvalidTextRepresentation && error.MessageText.Contains(_name, StringComparison.Ordinal) ? failure() : null;
}
