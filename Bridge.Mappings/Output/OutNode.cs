namespace Bridge.Mappings.Output;

/// <summary>A compiled node of an outbound <c>body:</c>: a value, an object of named members, or an iteration.</summary>
internal abstract record OutNode(string Name);
