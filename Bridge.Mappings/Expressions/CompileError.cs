namespace Bridge.Mappings.Expressions;

/// <summary>Reports a load-time problem at an offset of the expression text.</summary>
internal delegate void CompileError(int offset, string message);
