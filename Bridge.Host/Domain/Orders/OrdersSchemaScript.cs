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
        alter table production_orders add column if not exists due_at timestamptz;
        update production_orders set due_at = (released->>'dueAt')::timestamptz
            where due_at is null and released->>'dueAt' is not null;
        create index if not exists production_orders_due_at on production_orders (due_at) where due_at is not null;
        alter table production_orders add column if not exists changed_at timestamptz;
        alter table production_orders add column if not exists cancelled_at timestamptz;
        """;
}
