// TEMPORARY, never committed: stand-ins for the helpers' APIs until their branches land.
#pragma warning disable
using Bridge.Contracts;
using MassTransit;
namespace Bridge.Mappings
{
    public sealed class MappingSet
    {
        public static MappingLoadResult LoadDirectory(string configDir, TimeProvider? time = null) => throw null!;
        public InboundMapping? FindInbound(string system, string messageType) => null;
        public IReadOnlyList<OutboundMapping> FindOutbound(string system, Type canonicalType) => [];
        public IReadOnlyCollection<InboundMapping> Inbound { get; } = [];
        public IReadOnlyCollection<OutboundMapping> Outbound { get; } = [];
    }
    public sealed record MappingLoadResult(MappingSet? Set, IReadOnlyList<MappingError> Errors);
    public sealed record MappingError(string File, int Line, int Column, string Message);
    public sealed class InboundMapping { public string Name = "", File = "", System = "", MessageType = ""; public Type Produces = null!;
        public InboundMapResult Map(ReadOnlyMemory<byte> payload, string contentType, IReadOnlyDictionary<string,string> metadata) => null!; }
    public sealed record InboundMapResult(IReadOnlyList<MappedMessage> Messages, IReadOnlyList<RuntimeMappingError> Errors);
    public sealed record MappedMessage(CanonicalMessage Message, System.Text.Json.Nodes.JsonObject Json);
    public sealed record RuntimeMappingError(string Mapping, string Field, string? SourcePath, string? Value, string Message);
    public sealed class OutboundMapping { public string Name = "", System = ""; public Type Consumes = null!; public OutboundRequest Render(CanonicalMessage m) => null!; }
    public sealed record OutboundRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string,string> Headers, string ContentType, byte[] Body);
    public sealed class MappingSetWatcher : IDisposable { public MappingSetWatcher(string dir, MappingSet set, ILogger logger) { Current = set; } public MappingSet Current { get; } public void Dispose() { } }
}
