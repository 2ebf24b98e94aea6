using Bridge.Contracts;
using Bridge.Mappings;

namespace Bridge.Host.Pipeline.Inbound;

/// <summary>What a mapping made of one envelope before anything was published or kept.</summary>
/// <param name="Errors">The reasons, each naming the mapping, field and item (at most <see cref="ReportedReasons.Limit"/> and a count of the rest); empty when accepted.</param>
public sealed record MappingAttempt(
    IngestOutcome Outcome,
    string? Mapping,
    IReadOnlyList<CanonicalMessage> Messages,
    IReadOnlyList<string> Errors,
    IReadOnlyList<MappingWarning> Warnings);
