using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Domain.Orders;

public sealed class OrderRequestsSchemaScript : IDatabaseSchemaScript
{
    public string Name => "order-material-requests-v1";

    public int Order => 111;

    public string Sql => """
        create table if not exists order_material_requests (
            order_id text not null,
            request_id uuid not null,
            primary key (order_id, request_id));
        """;
}
