using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Infrastructure.Audit;

/// <summary>The audit log, partitioned by day (partitions are made as days begin and dropped past retention).</summary>
public sealed class AuditSchemaScript : IDatabaseSchemaScript
{
    public string Name => "audit-log-v1";

    public int Order => 200;

    public string Sql => """
        create table if not exists audit_log (
            day date not null,
            seq bigint not null,
            at timestamptz not null,
            direction text not null,
            system text not null,
            adapter text not null,
            message_type text not null,
            message_id text null,
            correlation_id text null,
            size bigint not null,
            result text not null,
            reason text null,
            duration_ms double precision not null,
            previous_hash text not null,
            hash text not null,
            primary key (day, seq)) partition by range (day);
        create index if not exists audit_log_correlation on audit_log (correlation_id, at);
        """;
}
