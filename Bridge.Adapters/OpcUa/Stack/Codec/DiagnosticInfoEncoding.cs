namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>DiagnosticInfo: mask bits 0x01 SymbolicId … 0x40 InnerDiagnosticInfo; fields in Part 6 Table 21 order.</summary>
internal static class DiagnosticInfoEncoding
{
    private const byte SymbolicId = 0x01;
    private const byte NamespaceUri = 0x02;
    private const byte LocalizedText = 0x04;
    private const byte Locale = 0x08;
    private const byte AdditionalInfo = 0x10;
    private const byte InnerStatusCode = 0x20;
    private const byte InnerDiagnosticInfo = 0x40;

    public static void Write(BinaryEncoder encoder, DiagnosticInfo? value)
    {
        if (value is null)
        {
            encoder.WriteByte(0);
            return;
        }
        byte mask = 0;
        mask |= value.SymbolicId is null ? (byte)0 : SymbolicId;
        mask |= value.NamespaceUri is null ? (byte)0 : NamespaceUri;
        mask |= value.LocalizedText is null ? (byte)0 : LocalizedText;
        mask |= value.Locale is null ? (byte)0 : Locale;
        mask |= value.AdditionalInfo is null ? (byte)0 : AdditionalInfo;
        mask |= value.InnerStatusCode is null ? (byte)0 : InnerStatusCode;
        mask |= value.InnerDiagnosticInfo is null ? (byte)0 : InnerDiagnosticInfo;
        encoder.WriteByte(mask);
        if (value.SymbolicId is { } symbolicId)
        {
            encoder.WriteInt32(symbolicId);
        }
        if (value.NamespaceUri is { } namespaceUri)
        {
            encoder.WriteInt32(namespaceUri);
        }
        if (value.Locale is { } locale)
        {
            encoder.WriteInt32(locale);
        }
        if (value.LocalizedText is { } localizedText)
        {
            encoder.WriteInt32(localizedText);
        }
        if (value.AdditionalInfo is not null)
        {
            encoder.WriteString(value.AdditionalInfo);
        }
        if (value.InnerStatusCode is { } inner)
        {
            encoder.WriteStatusCode(inner);
        }
        if (value.InnerDiagnosticInfo is not null)
        {
            Write(encoder, value.InnerDiagnosticInfo);
        }
    }

    public static DiagnosticInfo? Read(BinaryDecoder decoder)
    {
        var mask = decoder.ReadByte();
        if (mask == 0)
        {
            return null;
        }
        if ((mask & 0x80) != 0)
        {
            throw new OpcUaDecodingException($"DiagnosticInfo mask 0x{mask:X2} has unknown bits.");
        }
        decoder.Enter();
        try
        {
            int? symbolicId = (mask & SymbolicId) != 0 ? decoder.ReadInt32() : null;
            int? namespaceUri = (mask & NamespaceUri) != 0 ? decoder.ReadInt32() : null;
            int? locale = (mask & Locale) != 0 ? decoder.ReadInt32() : null;
            int? localizedText = (mask & LocalizedText) != 0 ? decoder.ReadInt32() : null;
            var additional = (mask & AdditionalInfo) != 0 ? decoder.ReadString() : null;
            StatusCode? innerStatus = (mask & InnerStatusCode) != 0 ? decoder.ReadStatusCode() : null;
            var innerInfo = (mask & InnerDiagnosticInfo) != 0 ? Read(decoder) ?? new DiagnosticInfo() : null;
            return new DiagnosticInfo
            {
                SymbolicId = symbolicId,
                NamespaceUri = namespaceUri,
                Locale = locale,
                LocalizedText = localizedText,
                AdditionalInfo = additional,
                InnerStatusCode = innerStatus,
                InnerDiagnosticInfo = innerInfo,
            };
        }
        finally
        {
            decoder.Leave();
        }
    }
}
