namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// PostgreSQL <c>text</c> and <c>jsonb</c> refuse U+0000; a value from outside that carries one is stored with it
/// written as the six characters <c>\u0000</c>, so the row is always kept (raw bytes belong in <c>bytea</c>).
/// </summary>
public static class PostgresText
{
    public static string Storable(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace("\0", "\\u0000", StringComparison.Ordinal) : value;
}
