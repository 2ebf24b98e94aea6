using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Domain.LineSide;

public sealed class LineSideSchemaScript : IDatabaseSchemaScript
{
    public string Name => "line-side-levels-v1";

    public int Order => 140;

    public string Sql => """
        create table if not exists line_side_levels (
            location text primary key,
            level jsonb not null,
            updated_at timestamptz not null default now());
        -- Every row is rewritten several times a second: room on its page lets PostgreSQL update it in place (HOT).
        alter table line_side_levels set (fillfactor = 50);
        -- Bumped by every write: the signal consumer's cached row is written only if no one else changed it meanwhile.
        alter table line_side_levels add column if not exists version bigint not null default 0;
        -- A row with its last signals is ≈ 2.3 kB: above the default 2 kB target PostgreSQL compressed it on every write,
        -- most of its CPU per batch. Kept whole in the page instead (rows written after this change).
        alter table line_side_levels set (toast_tuple_target = 8160);
        -- Stored as text, not jsonb: only Bridge reads a level, whole, so PostgreSQL need not parse each row it is sent
        -- (jsonb cost it ≈ 37 µs per row written, most of its CPU per signal batch).
        alter table line_side_levels alter column level type json using level::json;
        """;
}
