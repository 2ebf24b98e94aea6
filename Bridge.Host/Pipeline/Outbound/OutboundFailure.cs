using Bridge.Host.Infrastructure.Configuration;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>A system that did not take a message on one attempt: what was rendered for it (if anything) and why.</summary>
public sealed record OutboundFailure(SystemDefinition System, string? ContentType, byte[]? RenderedBody, Exception Error);
