namespace Bridge.Host.Infrastructure.Storage;

/// <summary>A schema script given as plain values.</summary>
public sealed record DatabaseSchemaScript(string Name, int Order, string Sql) : IDatabaseSchemaScript;
