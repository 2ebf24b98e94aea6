using System.Globalization;
using System.Text.RegularExpressions;

namespace Bridge.Mappings.Diagnostics;

/// <summary>
/// Turns an exception that is not a <see cref="MappingRuntimeException"/> (a regular expression that timed out, a
/// decimal overflow, a defect) into one, so that every failure while mapping is a mapping error with a dead letter.
/// </summary>
internal static class UnexpectedMappingFailure
{
    private const int MaxValueLength = 80;

    /// <summary>True for what mapping reports as an error; false for what no mapping can recover from.</summary>
    public static bool IsReportable(Exception ex) => ex is not OutOfMemoryException;

    public static MappingRuntimeException From(Exception ex, string? sourcePath) => ex switch
    {
        MappingRuntimeException mapping => mapping,
        RegexMatchTimeoutException timeout => new MappingRuntimeException(
            $"the regular expression '{timeout.Pattern}' took longer than {timeout.MatchTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms (too much backtracking); simplify the pattern",
            sourcePath, Shorten(timeout.Input)),
        OverflowException => new MappingRuntimeException("arithmetic overflow: the result is beyond the range of a decimal number (±7.9E28)", sourcePath),
        _ => new MappingRuntimeException($"unexpected {ex.GetType().Name} while mapping: {ex.Message}", sourcePath),
    };

    private static string? Shorten(string? value) =>
        value is null || value.Length <= MaxValueLength ? value : value[..MaxValueLength] + $"… ({value.Length} characters)";
}
