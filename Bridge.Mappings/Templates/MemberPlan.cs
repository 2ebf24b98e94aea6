namespace Bridge.Mappings.Templates;

internal sealed record MemberPlan(string Name, int Slot, bool Required, ValuePlan Plan, string? SourceText);
