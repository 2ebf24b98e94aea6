using System.Xml;

namespace Bridge.Mappings.Documents;

/// <summary>Why a payload could not be parsed, in words the integrator (not the .NET developer) can act on.</summary>
internal static class PayloadProblem
{
    public static string Describe(Exception ex)
    {
        if (ex is XmlException xml && xml.Message.Contains("DTD", StringComparison.Ordinal))
        {
            var where = xml.LineNumber > 0 ? $" at line {xml.LineNumber}, position {xml.LinePosition}" : "";
            return $"the document has a DTD (<!DOCTYPE ...>){where}; " +
                   "Bridge refuses DTDs in every payload (entity expansion and external files are an attack surface) and no setting allows them — " +
                   "have the sending system leave out the DOCTYPE declaration";
        }
        return ex.Message;
    }
}
