using System.Text.RegularExpressions;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// The part of Bridge a SQL statement works for, named from the tables it touches (the first that a rule below names,
/// in this order: a statement that locks the inbox and loads a saga is read as its parts by the batch, not here).
/// </summary>
internal static partial class StatementComponent
{
    private static readonly (string Table, string Component)[] Tables =
    [
        ("bridge_inbound_outbox", "inbound outbox"),
        ("bridge_outbox_message", "consumer outbox"),
        ("bridge_inbox", "inbox"),
        ("bridge_scheduled_message", "stored schedules"),
        ("outbound_delivery_claims", "outbound delivery log"),
        ("outbound_deliveries", "outbound delivery log"),
        ("audit_log", "audit"),
        ("stock_reservations", "stock"),
        ("stock_picks", "stock"),
        ("kit_waits", "kit waits"),
        ("order_material_requests", "orders"),
        ("production_orders", "orders"),
        ("line_side_levels", "line side"),
        ("line_side_notices", "line side"),
        ("genealogy_", "genealogy"),
        ("dead_letters", "dead letters"),
        ("stock_alerts", "alerts"),
        ("boms", "boms"),
        ("stock", "stock"),
    ];

    public static string Of(string sql)
    {
        var text = sql.Trim();
        if (text.Equals("COMMIT", StringComparison.OrdinalIgnoreCase))
        {
            return "COMMIT";
        }

        if (text.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase))
        {
            return "BEGIN";
        }

        if (SagaTable().Match(text) is { Success: true } saga)
        {
            return "saga " + saga.Groups[1].Value;
        }

        foreach (var (table, component) in Tables)
        {
            if (text.Contains(table, StringComparison.OrdinalIgnoreCase))
            {
                return component;
            }
        }

        return text.Contains("pg_advisory", StringComparison.OrdinalIgnoreCase) ? "advisory lock" : "other: " + (text.Length > 40 ? text[..40] : text);
    }

    [GeneratedRegex(@"\bsaga_([a-z0-9_]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SagaTable();
}
