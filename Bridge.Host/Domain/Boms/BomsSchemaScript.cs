using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Domain.Boms;

public sealed class BomsSchemaScript : IDatabaseSchemaScript
{
    public string Name => "boms-v1";

    public int Order => 140;

    public string Sql => """
        create table if not exists boms (
            material text primary key,
            published jsonb not null,
            occurred_at timestamptz not null,
            updated_at timestamptz not null default now());
        """;
}
