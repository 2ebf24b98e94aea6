using System.Text;

namespace Bridge.Tests.Mappings;

/// <summary>A document nested beyond the depth limit (default 256) is refused while it is read, naming the limit and where.</summary>
public sealed class DepthLimitTests
{
    private static byte[] Nested(int depth, string open, string close) =>
        Encoding.UTF8.GetBytes(new StringBuilder(depth * (open.Length + close.Length)).Insert(0, open, depth).Insert(depth * open.Length, close, depth).ToString());

    [Fact]
    public void AHostileDeepXmlDocument_IsRefusedAtTheLimit()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-schedule-v0401")!;

        var result = mapping.Map(Nested(590_000, "<a>", "</a>"), "application/xml", ShippedMappings.NoMetadata);

        result.Messages.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe(
            "mapping 'erp-b2mml-v0401-schedule', field '(payload)': the XML document nests deeper than the limit of 256 levels "
            + "(element 'a' at line 1, position 770); raise maxDepth: in the mapping if such documents are legitimate");
    }

    [Fact]
    public void AnXmlDocumentAtTheLimit_IsRead()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-schedule-v0401")!;

        var result = mapping.Map(Nested(256, "<a>", "</a>"), "application/xml", ShippedMappings.NoMetadata);

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("(split)");
    }

    [Fact]
    public void ADeepJsonDocument_IsRefusedAtTheSameLimit()
    {
        var mapping = ShippedMappings.Set.FindInbound("wms-a", "inventory")!;

        var result = mapping.Map(Nested(100_000, "[", "]"), "application/json", ShippedMappings.NoMetadata);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("(payload)");
        error.Message.ShouldStartWith("the payload is not valid json (application/json): The maximum configured depth of 256 has been exceeded");
    }
}
