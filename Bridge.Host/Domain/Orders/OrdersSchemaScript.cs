using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Domain.Orders;

public sealed class OrdersSchemaScript : IDatabaseSchemaScript
{
    public string Name => "production-orders-v1";

    public int Order => 110;

    public string Sql => """
        create table if not exists production_orders (
            order_id text primary key,
            released jsonb not null,
            updated_at timestamptz not null default now());
        """;
}
