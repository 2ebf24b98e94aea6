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
        CREATE INDEX IF NOT EXISTS ix_bridge_outbox_message_unparked ON bridge_outbox_message (sequence_number)
            WHERE parked_at IS NULL;

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
