using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Pipeline.Outbound;

public sealed class OutboundDeliverySchemaScript : IDatabaseSchemaScript
{
    public string Name => "outbound-deliveries-v1";

    public int Order => 130;

    public string Sql => """
        create table if not exists outbound_deliveries (
            message_id uuid not null,
            system text not null,
            delivered_at timestamptz not null,
            primary key (message_id, system));
        create index if not exists outbound_deliveries_at on outbound_deliveries (delivered_at);
        create table if not exists outbound_delivery_claims (
            message_id uuid not null,
            system text not null,
            claimed_until timestamptz not null,
            primary key (message_id, system));
        """;
}
