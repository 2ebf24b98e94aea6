using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Domain.KitWaits;

public sealed class KitWaitsSchemaScript : IDatabaseSchemaScript
{
    public string Name => "kit-waits-v1";

    public int Order => 130;

    public string Sql => """
        create table if not exists kit_waits (
            request_id uuid not null,
            material text not null,
            primary key (request_id, material));
        create index if not exists kit_waits_material on kit_waits (material);
        """;
}
