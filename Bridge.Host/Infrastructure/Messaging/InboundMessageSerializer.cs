using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>How inbound outbox rows store a canonical message: its type by name, its body as JSON.</summary>
public static class InboundMessageSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>"Full.Type.Name, AssemblyName" without version, so a redeployed host still reads rows written by the last one.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type? ResolveType(string typeName) => Type.GetType(typeName, throwOnError: false);
}
