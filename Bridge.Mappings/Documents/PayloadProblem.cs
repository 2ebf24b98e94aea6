using System.Xml;

namespace Bridge.Mappings.Documents;

/// <summary>Why a payload could not be parsed, in words the integrator (not the .NET developer) can act on.</summary>
internal static class PayloadProblem
{
    public static string Describe(Exception ex)
    {
        if (ex is XmlException xml && xml.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return $"the document starts with a DTD (<!DOCTYPE ...>) at line {xml.LineNumber}, position {xml.LinePosition}; " +
                   "Bridge refuses DTDs in every payload (entity expansion and external files are an attack surface) and no setting allows them — " +
                   "have the sending system leave out the DOCTYPE declaration";
        }
        return ex.Message;
    }
}
