using Microsoft.Extensions.Options;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>
/// The one place <c>Bridge:Mode</c> is read: Embedded (in-memory bus and stores) unless it says Production
/// (RabbitMQ and PostgreSQL). The bus, the scheduler and every store register by this value.
/// </summary>
public static class BridgeModeSetting
{
    public static BridgeMode Read(IConfiguration configuration)
    {
        var text = configuration[$"{BridgeMessagingOptions.SectionName}:{nameof(BridgeMessagingOptions.Mode)}"];
        if (string.IsNullOrWhiteSpace(text)) return BridgeMode.Embedded;
        if (!Enum.TryParse<BridgeMode>(text, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            throw new OptionsValidationException(BridgeMessagingOptions.SectionName, typeof(BridgeMessagingOptions),
                [$"Bridge:Mode '{text}' is not one of: {string.Join(", ", Enum.GetNames<BridgeMode>())}."]);
        return mode;
    }
}
