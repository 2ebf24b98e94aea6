using Microsoft.Extensions.Options;

namespace Bridge.Adapters.Amqp;

public sealed class AmqpAdapterOptionsValidator : IValidateOptions<AmqpAdapterOptions>
{
    public ValidateOptionsResult Validate(string? name, AmqpAdapterOptions options)
    {
        var at = $"amqp adapter '{name}'";
        var problems = new List<string>();
        if (options.Uri.Length == 0)
        {
            // Not configured (yet): the connection stays idle and says so; a system bound to it is simply not heard.
        }
        else if (!global::System.Uri.TryCreate(options.Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            problems.Add($"{at}: Uri must be an amqp:// or amqps:// URI, was '{options.Uri}'");
        else if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
            problems.Add($"{at}: Uri must not carry a password; name an environment variable in PasswordEnv");
        if (options.Prefetch == 0)
            problems.Add($"{at}: Prefetch must be at least 1");
        for (var i = 0; i < options.Queues.Count; i++)
        {
            var q = options.Queues[i];
            if (string.IsNullOrWhiteSpace(q.Queue) || string.IsNullOrWhiteSpace(q.System) || string.IsNullOrWhiteSpace(q.MessageType))
                problems.Add($"{at}: Queues[{i}]: Queue, System and MessageType are required");
            if (!string.Equals(q.QueueType, "classic", StringComparison.OrdinalIgnoreCase) && !string.Equals(q.QueueType, "quorum", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{at}: Queues[{i}]: QueueType must be classic or quorum, was '{q.QueueType}'");
            if (q.Exchange is { Length: > 0 } && !q.Declare)
                problems.Add($"{at}: Queues[{i}]: Exchange '{q.Exchange}' needs Declare: true (an existing queue keeps its own bindings)");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
