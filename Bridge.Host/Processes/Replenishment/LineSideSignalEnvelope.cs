using System.Text.Json;
using Bridge.Contracts;
using Bridge.Contracts.Messages;
using MassTransit;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// Reads a counter delta or a bin reading straight from MassTransit's JSON envelope (<c>messageType</c> and the fields
/// of <c>message</c> a level needs), without MassTransit's receive pipeline. Property names are read as MassTransit
/// writes them (camelCase) or in PascalCase; anything else in the envelope is skipped.
/// </summary>
public static class LineSideSignalEnvelope
{
    private static readonly string ConsumptionUrn = MessageUrn.ForTypeString<LineSideConsumptionReported>();
    private static readonly string ReadingUrn = MessageUrn.ForTypeString<BinLevelReported>();
    private static readonly byte[] ConsumptionUrnUtf8 = System.Text.Encoding.UTF8.GetBytes(ConsumptionUrn);
    private static readonly byte[] ReadingUrnUtf8 = System.Text.Encoding.UTF8.GetBytes(ReadingUrn);

    /// <returns>The signal as its canonical message, or the reason it cannot be read.</returns>
    public static (CanonicalMessage? Message, string? Error) Read(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            string? type = null;
            var message = ReadOnlySpan<byte>.Empty;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return (null, "the body is not a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (Is(ref reader, "messageType"u8, "MessageType"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        // Compared as UTF-8: no string per delivery.
                        while (reader.Read() && reader.TokenType == JsonTokenType.String)
                        {
                            if (reader.ValueTextEquals(ConsumptionUrnUtf8))
                                type ??= ConsumptionUrn;
                            else if (reader.ValueTextEquals(ReadingUrnUtf8))
                                type ??= ReadingUrn;
                        }
                    }
                    else
                        reader.Skip();
                }
                else if (Is(ref reader, "message"u8, "Message"u8))
                {
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    message = body[start..((int)reader.BytesConsumed)];
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (type is null)
                return (null, $"the envelope names neither {ConsumptionUrn} nor {ReadingUrn}");
            if (message.IsEmpty)
                return (null, "the envelope has no message");
            return ReadMessage(message, consumption: type == ConsumptionUrn);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            return (null, $"the body cannot be read: {e.Message}");
        }
    }

    private static (CanonicalMessage?, string?) ReadMessage(ReadOnlySpan<byte> json, bool consumption)
    {
        var reader = new Utf8JsonReader(json);
        Guid? id = null;
        DateTimeOffset? at = null;
        decimal? quantity = null;
        string? correlation = null, source = null, location = null, material = null, unit = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return (null, "the message is not a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Is(ref reader, "messageId"u8, "MessageId"u8))
                id = Next(ref reader).GetGuid();
            else if (Is(ref reader, "occurredAt"u8, "OccurredAt"u8))
                at = Next(ref reader).GetDateTimeOffset();
            else if (Is(ref reader, "correlationId"u8, "CorrelationId"u8))
                correlation = Next(ref reader).GetString();
            else if (Is(ref reader, "source"u8, "Source"u8))
                source = Next(ref reader).GetString();
            else if (Is(ref reader, "location"u8, "Location"u8))
                location = Next(ref reader).GetString();
            else if (Is(ref reader, "material"u8, "Material"u8))
                material = Next(ref reader).GetString();
            else if (Is(ref reader, "unit"u8, "Unit"u8))
                unit = Next(ref reader).GetString();
            else if (consumption ? Is(ref reader, "quantity"u8, "Quantity"u8) : Is(ref reader, "value"u8, "Value"u8))
                quantity = Decimal(ref Next(ref reader));
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Checked field by field first: the list of what is missing is built only for a message that lacks something.
        if (id is null || at is null || source is null || location is null || (consumption && material is null) || unit is null || quantity is null)
        {
            var missing = new[] { (id is null, "messageId"), (at is null, "occurredAt"), (source is null, "source"), (location is null, "location"),
                (consumption && material is null, "material"), (unit is null, "unit"), (quantity is null, consumption ? "quantity" : "value") }
                .Where(m => m.Item1).Select(m => m.Item2);
            return (null, $"the message lacks {string.Join(", ", missing)}");
        }

        CanonicalMessage message = consumption
            ? new LineSideConsumptionReported
            {
                MessageId = id!.Value, CorrelationId = correlation ?? "", Source = source!, OccurredAt = at!.Value,
                Location = location!, Material = material!, Quantity = quantity!.Value, Unit = unit!,
            }
            : new BinLevelReported
            {
                MessageId = id!.Value, CorrelationId = correlation ?? "", Source = source!, OccurredAt = at!.Value,
                Location = location!, Material = material, Value = quantity!.Value, Unit = unit!,
            };
        return (message, null);
    }

    /// <summary>MassTransit's serializer writes decimals as strings (no precision lost); a number is read too.</summary>
    private static decimal Decimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? decimal.Parse(reader.GetString()!, System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowExponent, System.Globalization.CultureInfo.InvariantCulture)
            : reader.GetDecimal();

    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> camel, ReadOnlySpan<byte> pascal) =>
        reader.ValueTextEquals(camel) || reader.ValueTextEquals(pascal);

    private static ref Utf8JsonReader Next(ref Utf8JsonReader reader)
    {
        reader.Read();
        return ref reader;
    }
}
