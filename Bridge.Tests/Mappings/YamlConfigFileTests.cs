using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Yaml;

namespace Bridge.Tests.Mappings;

/// <summary>The one YAML loading path of the configuration: every problem becomes a ConfigurationError with its position.</summary>
public sealed class YamlConfigFileTests
{
    [Fact]
    public void Parse_SyntaxError_IsReportedAtItsLineAndColumn_WithTheQuotingHint()
    {
        var errors = new ConfigurationErrorSink();

        var root = YamlConfigFile.Parse("m.yaml", "system: x\nfields:\n  a: b ? c : d\n", errors);

        root.ShouldBeNull();
        var error = errors.Errors.ShouldHaveSingleItem();
        error.ToString().ShouldStartWith("m.yaml:3:12: YAML syntax: ");
        error.Message.ShouldEndWith("(an expression containing ': ' or ' #', such as c ? a : b, must be quoted)");
    }

    [Fact]
    public void Parse_RootThatIsNotABlockOfKeys_NamesTheExpectedKeys()
    {
        var errors = new ConfigurationErrorSink();

        YamlConfigFile.Parse("units.yaml", "- kg\n- g\n", errors, "units:, aliases:, materials:").ShouldBeNull();

        errors.Errors.Select(e => e.ToString()).ShouldBe(["units.yaml:1:1: expected a YAML block of keys (units:, aliases:, materials:)"]);
    }

    [Fact]
    public void Read_AFileThatCannotBeRead_IsAnError_NotAnException()
    {
        var errors = new ConfigurationErrorSink();
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "systems.yaml");

        YamlConfigFile.Read(missing, errors, "systems:").ShouldBeNull();

        var error = errors.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe(missing.Replace('\\', '/'));
        error.Message.ShouldStartWith("cannot read the file: ");
    }

    [Fact]
    public void Read_AValidFile_GivesItsRootAndNoErrors()
    {
        var errors = new ConfigurationErrorSink();
        var file = Path.Combine(Path.GetTempPath(), $"ok-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "systems:\n  erp: { baseUrl: http://erp }\n");
        try
        {
            var root = YamlConfigFile.Read(file, errors, "systems:").ShouldNotBeNull();

            errors.Count.ShouldBe(0);
            root.Get("systems").ShouldNotBeNull();
            root.Text("missing").ShouldBeNull();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
