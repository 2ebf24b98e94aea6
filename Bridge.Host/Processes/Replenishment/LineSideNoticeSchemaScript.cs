using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Processes.Replenishment;

public sealed class LineSideNoticeSchemaScript : IDatabaseSchemaScript
{
    public string Name => "line-side-notices-v1";

    public int Order => 141;

    public string Sql => """
        create table if not exists line_side_notices (
            message_id uuid primary key,
            message_type text not null,
            body jsonb not null,
            created_at timestamptz not null);
        create index if not exists ix_line_side_notices_created_at on line_side_notices (created_at);
        """;
}
