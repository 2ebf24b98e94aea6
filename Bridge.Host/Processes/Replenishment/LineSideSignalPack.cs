using System.Text.Json;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// A packed delivery on <see cref="LineSideSignalQueue"/>: a JSON array of MassTransit envelopes, each one signal as
/// <see cref="LineSideSignalEnvelope"/> reads it. A source that sends many signals a second packs them, so the broker
/// stores, delivers and has acknowledged one message for many signals (a persistent message costs the broker more CPU than
/// Bridge spends on a signal). A single envelope is a JSON object, a pack an array: the first byte tells them apart.
/// </summary>
public static class LineSideSignalPack
{
    /// <summary>The content type a packer sets (informative: the consumer looks at the body).</summary>
    public const string ContentType = "application/vnd.bridge.line-side-signals+json";

    /// <summary>Whether the body is a pack (a JSON array) rather than one envelope.</summary>
    public static bool IsPack(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                continue;
            return b == (byte)'[';
        }

        return false;
    }

    /// <summary>
    /// The byte ranges of the pack's envelopes, in order; or why the pack cannot be read (then none of it is applied: the
    /// whole body is one dead letter).
    /// </summary>
    public static (List<Range>? Envelopes, string? Error) Split(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return (null, "the pack is not a JSON array");
            var envelopes = new List<Range>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                envelopes.Add(start..(int)reader.BytesConsumed);
            }

            if (reader.TokenType != JsonTokenType.EndArray)
                return (null, "the pack ends before its closing bracket");
            return (envelopes, null);
        }
        catch (JsonException e)
        {
            return (null, $"the pack cannot be read: {e.Message}");
        }
    }
}
