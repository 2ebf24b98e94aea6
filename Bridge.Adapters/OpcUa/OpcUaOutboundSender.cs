using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.OpcUa.Stack;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Microsoft.Extensions.Logging;

namespace Bridge.Adapters.OpcUa;

/// <summary>
/// The OPC UA adapter's outbound side: writes an envelope to its device. The address is a write target of the
/// device (its key, or its node id such as <c>ns=1;s=Writable.Ack</c>); the body is the value as UTF-8 text,
/// converted to the node's data type as the CLI's <c>opcua write</c> does. Only the device's configured write
/// targets can be written.
/// </summary>
public sealed class OpcUaOutboundSender(OpcUaDevice device, ILogger logger) : IEnvelopeSender
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Statuses that writing the same value again cannot change.</summary>
    private static readonly HashSet<uint> PermanentStatuses =
    [
        StatusCodes.BadNodeIdUnknown, StatusCodes.BadNodeIdInvalid, StatusCodes.BadAttributeIdInvalid, StatusCodes.BadIndexRangeInvalid,
        StatusCodes.BadNotWritable, StatusCodes.BadWriteNotSupported, StatusCodes.BadTypeMismatch, StatusCodes.BadOutOfRange,
        StatusCodes.BadUserAccessDenied, StatusCodes.BadIdentityTokenInvalid,
    ];

    public async Task SendAsync(OutboundEnvelope envelope, CancellationToken ct)
    {
        var at = $"device '{device.Name}', target '{envelope.Address}'";
        string text;
        try
        {
            text = StrictUtf8.GetString(envelope.Body.Span).Trim();
        }
        catch (DecoderFallbackException ex)
        {
            throw new OpcUaAdapterException($"{at}: the body is not UTF-8 text", null, permanent: true, ex);
        }

        StatusCode status;
        try
        {
            status = await device.WriteAsync(envelope.Address, text, ct).ConfigureAwait(false);
        }
        catch (OpcUaException ex)
        {
            throw new OpcUaAdapterException($"{at}: {ex.Message}", ex.StatusCode, IsPermanent(ex.StatusCode), ex);
        }
        catch (FormatException ex)
        {
            throw new OpcUaAdapterException($"{at}: {ex.Message}", new StatusCode(StatusCodes.BadTypeMismatch), permanent: true, ex);
        }

        if (!status.IsGood)
        {
            throw new OpcUaAdapterException($"{at}: the server answered {status.Name} for '{text}'", status, IsPermanent(status));
        }
        Log.Written(logger, device.Name, envelope.Address, envelope.System);
    }

    private static bool IsPermanent(StatusCode status) => PermanentStatuses.Contains(status.Code & 0xFFFF0000);
}
