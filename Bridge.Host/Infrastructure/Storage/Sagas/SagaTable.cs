using System.Text;
using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>Names and creates the one table each saga type is stored in: <c>saga_</c> + the type name in snake case.</summary>
public static class SagaTable
{
    /// <summary>
    /// The state's <c>CurrentState</c>, kept by PostgreSQL beside the body on every write, so instances can be counted
    /// by state without reading (or de-TOASTing) their bodies (<c>SagaCensus</c>).
    /// </summary>
    public const string CurrentStateColumn = "current_state";

    public static string NameFor(Type sagaType)
    {
        var builder = new StringBuilder("saga_");
        var name = sagaType.Name;
        var backtick = name.IndexOf('`', StringComparison.Ordinal);
        if (backtick >= 0)
            name = name[..backtick];
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))) && builder[^1] != '_')
                    builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAsciiLetterOrDigit(c))
                builder.Append(c);
            else if (builder[^1] != '_')
                builder.Append('_');
        }

        // PostgreSQL truncates identifiers at 63 bytes; keep it deterministic and say so rather than collide silently.
        return builder.Length <= 63 ? builder.ToString() : builder.ToString(0, 63);
    }

    public static IDatabaseSchemaScript CreateScript(Type sagaType)
    {
        var table = NameFor(sagaType);
        return new DatabaseSchemaScript($"saga:{table}", 100, $"""
            CREATE TABLE IF NOT EXISTS {table} (
                id uuid PRIMARY KEY,
                version integer NOT NULL,
                state jsonb NOT NULL,
                updated_at timestamptz NOT NULL);
            ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {CurrentStateColumn} text GENERATED ALWAYS AS (state->>'CurrentState') STORED;
            """);
    }
}
