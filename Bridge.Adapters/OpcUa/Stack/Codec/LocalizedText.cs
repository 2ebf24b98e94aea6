namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>Human readable text with an optional locale.</summary>
public readonly record struct LocalizedText(string? Locale, string? Text)
{
    public override string ToString() => string.IsNullOrEmpty(Locale) ? Text ?? "" : $"[{Locale}] {Text}";
}
