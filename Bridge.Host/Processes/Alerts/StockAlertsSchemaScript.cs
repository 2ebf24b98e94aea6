using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Processes.Alerts;

public sealed class StockAlertsSchemaScript : IDatabaseSchemaScript
{
    public string Name => "stock-alerts-v1";

    public int Order => 160;

    public string Sql => """
        create table if not exists stock_alerts (
            alert_key text primary key,
            occurrences int not null,
            active boolean not null,
            changed_at timestamptz not null);
        """;
}
