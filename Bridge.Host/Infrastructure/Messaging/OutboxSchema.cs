using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>Tables of the consumer inbox/outbox and of the inbound (HTTP) outbox.</summary>
internal static class OutboxSchema
{
    public static IDatabaseSchemaScript Script { get; } = new DatabaseSchemaScript("bridge-outbox-inbox", 10, """
        CREATE TABLE IF NOT EXISTS bridge_inbox (
            endpoint_name text NOT NULL,
            consumer_id uuid NOT NULL,
            message_id uuid NOT NULL,
            consumer_type text NULL,
            received_at timestamptz NOT NULL,
            receive_count integer NOT NULL,
            consumed_at timestamptz NULL,
            delivered_at timestamptz NULL,
            last_sequence_number bigint NULL,
            PRIMARY KEY (endpoint_name, consumer_id, message_id));
        CREATE INDEX IF NOT EXISTS ix_bridge_inbox_received_at ON bridge_inbox (received_at);

        CREATE TABLE IF NOT EXISTS bridge_outbox_message (
            sequence_number bigserial PRIMARY KEY,
            endpoint_name text NOT NULL,
            consumer_id uuid NOT NULL,
            inbox_message_id uuid NOT NULL,
            message_id uuid NOT NULL,
            content_type text NOT NULL,
            body text NOT NULL,
            headers text NULL,
            properties text NULL,
            conversation_id uuid NULL,
            correlation_id uuid NULL,
            initiator_id uuid NULL,
            request_id uuid NULL,
            source_address text NULL,
            destination_address text NULL,
            response_address text NULL,
            fault_address text NULL,
            sent_time timestamptz NOT NULL,
            enqueue_time timestamptz NULL,
            expiration_time timestamptz NULL);
        CREATE INDEX IF NOT EXISTS ix_bridge_outbox_message_inbox
            ON bridge_outbox_message (endpoint_name, consumer_id, inbox_message_id, sequence_number);
        ALTER TABLE bridge_outbox_message ADD COLUMN IF NOT EXISTS stored_at timestamptz NULL,
            ADD COLUMN IF NOT EXISTS attempts integer NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS parked_at timestamptz NULL,
            ADD COLUMN IF NOT EXISTS failure text NULL;
        -- A consume's own unparked rows (its delivery pass, its removal, the sweeper's delivered check). The sweeper's
        -- rows are found by age: an index on sequence_number alone let the planner, whose statistics show a handful
        -- of rows in this churning table, read a consume's rows in sequence order and filter out every pending row of
        -- every other consume (180 index entries a lookup under load, against 1).
        DROP INDEX IF EXISTS ix_bridge_outbox_message_unparked;
        CREATE INDEX IF NOT EXISTS ix_bridge_outbox_message_inbox_unparked
            ON bridge_outbox_message (endpoint_name, consumer_id, inbox_message_id, sequence_number) WHERE parked_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_bridge_outbox_message_unparked_age
            ON bridge_outbox_message ((COALESCE(stored_at, sent_time))) WHERE parked_at IS NULL;

        CREATE TABLE IF NOT EXISTS bridge_inbound_outbox (
            message_id uuid PRIMARY KEY,
            message_type text NOT NULL,
            body jsonb NOT NULL,
            created_at timestamptz NOT NULL,
            sent_at timestamptz NULL,
            failed_at timestamptz NULL,
            failure text NULL);
        ALTER TABLE bridge_inbound_outbox ADD COLUMN IF NOT EXISTS failed_at timestamptz NULL,
            ADD COLUMN IF NOT EXISTS failure text NULL;
        ALTER TABLE bridge_inbound_outbox ADD COLUMN IF NOT EXISTS attempts integer NOT NULL DEFAULT 0;
        CREATE INDEX IF NOT EXISTS ix_bridge_inbound_outbox_pending ON bridge_inbound_outbox (created_at)
            WHERE sent_at IS NULL AND failed_at IS NULL;
        """);
}
