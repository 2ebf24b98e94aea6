using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>
/// <c>bridge_scheduled_message</c>: messages a consumer scheduled inside its transaction (<see cref="StoredSchedules"/>),
/// one row per scheduling token, sent when due by <see cref="StoredScheduleSweeper"/>.
/// </summary>
internal static class StoredScheduleSchema
{
    public static IDatabaseSchemaScript Script { get; } = new DatabaseSchemaScript("bridge-scheduled-message", 11, """
        CREATE TABLE IF NOT EXISTS bridge_scheduled_message (
            token_id uuid PRIMARY KEY,
            due_at timestamptz NOT NULL,
            destination_address text NOT NULL,
            data text NOT NULL,
            stored_at timestamptz NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            parked_at timestamptz NULL,
            failure text NULL);
        CREATE INDEX IF NOT EXISTS ix_bridge_scheduled_message_due ON bridge_scheduled_message (due_at) WHERE parked_at IS NULL;
        """);
}
