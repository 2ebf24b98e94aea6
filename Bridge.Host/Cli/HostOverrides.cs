namespace Bridge.Host.Cli;

/// <summary>
/// What may follow <c>Bridge.Host</c> when no verb is given: host configuration overrides, <c>--Key=Value</c> or
/// <c>--Key Value</c> (<c>--Bridge:Mode=Production</c>, <c>--urls http://127.0.0.1:5080</c>). Anything else is a verb
/// or option the command line does not know.
/// </summary>
internal static class HostOverrides
{
    /// <summary>The first token that is not a configuration override, or null when all are.</summary>
    public static string? FirstUnknown(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2 || token[2] == '=')
            {
                return token;
            }

            if (token.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            if (i + 1 >= tokens.Count || tokens[i + 1].StartsWith('-'))
            {
                return token;
            }

            i++;
        }

        return null;
    }
}
