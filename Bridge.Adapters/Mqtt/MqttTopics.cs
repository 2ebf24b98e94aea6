namespace Bridge.Adapters.Mqtt;

/// <summary>Topic filters (MQTT 3.1.1 §4.7): matching a topic and taking the levels the wildcards stood for.</summary>
public static class MqttTopics
{
    /// <summary>Why <paramref name="filter"/> is not a valid topic filter, or null.</summary>
    public static string? FilterProblem(string filter)
    {
        if (string.IsNullOrEmpty(filter))
            return "is empty";
        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level == "#" && i != levels.Length - 1)
                return "has '#' before the last level";
            if (level.Length > 1 && (level.Contains('#') || level.Contains('+')))
                return $"has a wildcard inside the level '{level}'";
        }

        return null;
    }

    /// <summary>
    /// The levels of <paramref name="topic"/> that the filter's wildcards matched (one per <c>+</c>, the rest joined
    /// for <c>#</c>), or null when the topic does not match.
    /// </summary>
    public static IReadOnlyList<string>? Match(string filter, string topic)
    {
        var f = filter.Split('/');
        var t = topic.Split('/');
        var captured = new List<string>();
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                captured.Add(string.Join('/', t.Skip(i)));
                return captured;
            }

            if (i >= t.Length)
                return null;
            if (f[i] == "+")
                captured.Add(t[i]);
            else if (!string.Equals(f[i], t[i], StringComparison.Ordinal))
                return null;
        }

        return f.Length == t.Length ? captured : null;
    }
}
