using Microsoft.Extensions.Options;

namespace Bridge.Adapters.Http;

public sealed class HttpAdapterOptionsValidator : IValidateOptions<HttpAdapterOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpAdapterOptions options)
    {
        var problems = new List<string>();
        if (options.MaxBodyBytes is < 1 or > 256L * 1024 * 1024)
        {
            problems.Add($"http adapter '{name}': MaxBodyBytes must be between 1 and 268435456, was {options.MaxBodyBytes}");
        }

        if (options.RetryCount is < 0 or > 20)
        {
            problems.Add($"http adapter '{name}': RetryCount must be between 0 and 20, was {options.RetryCount}");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add($"http adapter '{name}': RetryBaseDelay and AttemptTimeout must be positive");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
