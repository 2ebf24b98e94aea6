using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// System.Text.Json settings for saga state: public get/set properties, records, decimals (kept exact: JSON numbers are
/// text and jsonb stores them as numeric), DateTimeOffset with its offset, enums as names so a reordered enum stays readable.
/// </summary>
public static class SagaStateSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.Strict,
        WriteIndented = false,
    };

    public static string Serialize<TSaga>(TSaga instance) => JsonSerializer.Serialize(instance, Options);

    public static TSaga Deserialize<TSaga>(string json, Guid id) =>
        JsonSerializer.Deserialize<TSaga>(json, Options)
        ?? throw new InvalidOperationException($"Saga {typeof(TSaga).Name} {id}: stored state is JSON null.");
}
