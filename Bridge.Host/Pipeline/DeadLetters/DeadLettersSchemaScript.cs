using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Pipeline.DeadLetters;

public sealed class DeadLettersSchemaScript : IDatabaseSchemaScript
{
    public string Name => "dead-letters-v1";

    public int Order => 120;

    public string Sql => """
        create table if not exists dead_letters (
            id uuid primary key,
            received_at timestamptz not null,
            system text not null,
            message_type text not null,
            mapping text null,
            content_type text not null,
            body bytea not null,
            reason text not null,
            metadata jsonb not null default '{}',
            replayed_at timestamptz null);
        create index if not exists dead_letters_received on dead_letters (received_at desc);
        alter table dead_letters add column if not exists discarded_at timestamptz null;
        alter table dead_letters add column if not exists discard_reason text null;
        """;
}
