using System.Text;
using System.Text.RegularExpressions;

namespace Bridge.Benchmarks;

/// <summary>
/// B2MML V0600 documents built from config/mappings/erp/samples/production-schedule-v0600.xml: a schedule of N
/// ProductionRequests (each the sample's request with its own ID), or one request with N consumed material lines.
/// </summary>
internal static partial class B2mmlSchedulePayload
{
    private static string Sample(string config) =>
        Whitespace().Replace(File.ReadAllText(Path.Combine(config, "mappings", "erp", "samples", "production-schedule-v0600.xml")), "><");

    public static byte[] Schedule(string config, int requests)
    {
        var xml = Sample(config);
        var (start, end) = (xml.IndexOf("<ProductionRequest>", StringComparison.Ordinal), xml.LastIndexOf("</ProductionRequest>", StringComparison.Ordinal) + "</ProductionRequest>".Length);
        var request = xml[start..end];
        var body = new StringBuilder(xml.Length + requests * (request.Length + 8));
        body.Append(xml, 0, start);
        for (var i = 0; i < requests; i++) body.Append(request.Replace("<ID>000001004713</ID>", $"<ID>{10_000_000 + i}</ID>"));
        body.Append(xml, end, xml.Length - end);
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    /// <summary>One ProductionRequest whose segment consumes <paramref name="lines"/> materials (the sample's consumed lines repeated).</summary>
    public static byte[] BillOfMaterials(string config, int lines)
    {
        var xml = Sample(config);
        var consumed = Consumed().Matches(xml).Select(m => m.Value).ToArray();
        var first = xml.IndexOf(consumed[0], StringComparison.Ordinal);
        var last = xml.IndexOf(consumed[^1], StringComparison.Ordinal) + consumed[^1].Length;
        var body = new StringBuilder(xml.Length + lines * consumed.Max(c => c.Length));
        body.Append(xml, 0, first);
        for (var i = 0; i < lines; i++) body.Append(consumed[i % consumed.Length]);
        body.Append(xml, last, xml.Length - last);
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<MaterialRequirement>(?:(?!</MaterialRequirement>).)*<MaterialUse>Consumed</MaterialUse>(?:(?!</MaterialRequirement>).)*</MaterialRequirement>")]
    private static partial Regex Consumed();
}
