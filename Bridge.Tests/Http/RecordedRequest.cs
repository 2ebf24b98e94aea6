namespace Bridge.Tests.Http;

/// <summary>A request as <see cref="RecordingHttpPeer"/> received it; <see cref="Path"/> in its escaped form.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
