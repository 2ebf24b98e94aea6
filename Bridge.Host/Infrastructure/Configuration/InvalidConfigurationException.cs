namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>Thrown at start when configuration is invalid; lists every problem at once.</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception("Bridge configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
