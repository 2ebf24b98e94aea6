using System.CommandLine;

namespace Bridge.Host.Cli;

/// <summary><c>mappings validate</c> and <c>mappings test</c> (owned by the mapping-language work).</summary>
internal static class MappingsCommand
{
    public static Command Create() => new("mappings", "Validate and test YAML mappings.");
}
