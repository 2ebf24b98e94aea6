namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// One idempotent SQL script run at start in production mode, in <see cref="Order"/> then <see cref="Name"/> order.
/// Register any number in DI; a script is re-run when its text changes, so write it to upgrade an older schema too.
/// </summary>
public interface IDatabaseSchemaScript
{
    /// <summary>Unique key in <c>bridge_schema_version</c>, e.g. <c>stock-view</c>.</summary>
    string Name { get; }

    int Order { get; }

    string Sql { get; }
}
