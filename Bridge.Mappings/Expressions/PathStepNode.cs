using Bridge.Mappings.Paths;

namespace Bridge.Mappings.Expressions;

/// <summary>One step of a path with its predicates (<c>[0]</c>, <c>[?qty &gt; 0]</c>, <c>[b:Use = 'Consumed']</c>).</summary>
internal sealed record PathStepNode(int Pos, StepKind Kind, string? Prefix, string? Name, IReadOnlyList<PredicateNode> Predicates);
