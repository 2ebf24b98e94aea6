using Microsoft.Extensions.Options;

namespace Bridge.Adapters.Mqtt;

public sealed class MqttAdapterOptionsValidator : IValidateOptions<MqttAdapterOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttAdapterOptions options)
    {
        var at = $"mqtt adapter '{name}'";
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
            problems.Add($"{at}: Host is required");
        if (options.Port is < 1 or > 65535)
            problems.Add($"{at}: Port must be between 1 and 65535, was {options.Port}");
        if (options.ProtocolVersion is not ("3.1.1" or "5"))
            problems.Add($"{at}: ProtocolVersion must be 3.1.1 or 5, was '{options.ProtocolVersion}'");
        if (options.KeepAliveSeconds is < 0 or > 65535)
            problems.Add($"{at}: KeepAliveSeconds must be between 0 and 65535, was {options.KeepAliveSeconds}");
        if (options.ReconnectMinDelayMs < 1 || options.ReconnectMaxDelayMs < options.ReconnectMinDelayMs)
            problems.Add($"{at}: ReconnectMinDelayMs must be positive and at most ReconnectMaxDelayMs");
        if (options.MaxInFlight is < 1 or > 65535)
            problems.Add($"{at}: MaxInFlight must be between 1 and 65535, was {options.MaxInFlight}");
        if (options.PublishQos is < 0 or > 2)
            problems.Add($"{at}: PublishQos must be 0, 1 or 2, was {options.PublishQos}");
        if (options.PasswordEnv is { Length: > 0 } env && string.IsNullOrEmpty(options.User))
            problems.Add($"{at}: PasswordEnv '{env}' is set but User is not");
        if (options.Tls.ClientCertFile is { Length: > 0 } != options.Tls.ClientKeyFile is { Length: > 0 })
            problems.Add($"{at}: Tls.ClientCertFile and Tls.ClientKeyFile go together");
        foreach (var file in new[] { options.Tls.CaFile, options.Tls.ClientCertFile, options.Tls.ClientKeyFile })
        {
            if (options.Tls.Enabled && file is { Length: > 0 } && !File.Exists(file))
                problems.Add($"{at}: TLS file '{file}' does not exist");
        }

        for (var i = 0; i < options.Subscriptions.Count; i++)
        {
            var s = options.Subscriptions[i];
            var sub = $"{at}: Subscriptions[{i}]";
            if (MqttTopics.FilterProblem(s.Topic) is { } problem)
                problems.Add($"{sub}: topic filter '{s.Topic}' {problem}");
            if (string.IsNullOrWhiteSpace(s.System) || string.IsNullOrWhiteSpace(s.MessageType))
                problems.Add($"{sub}: System and MessageType are required");
            if (s.Qos is < 0 or > 2)
                problems.Add($"{sub}: Qos must be 0, 1 or 2, was {s.Qos}");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
