using Bridge.Host.Infrastructure.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bridge.Host.Operations.Auth;

/// <summary>
/// Once the host listens, says where the local administrator key is and how to sign in, as notebook servers do. In
/// the embedded default the sign-in link carries the key in its fragment (never sent to a server, never logged);
/// in production only the file is named. The key itself never goes through the logger.
/// </summary>
public sealed class SignInBanner(LocalAdministratorKey local, IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<SignInBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (local.Key is null || local.Path is null)
        {
            return Task.CompletedTask;
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
            var signIn = address.TrimEnd('/') + "/signin";
            if (local.Created)
            {
                Log.LocalAdministratorKeyCreated(logger, local.Path, signIn);
            }
            else
            {
                Log.LocalAdministratorKeyInUse(logger, local.Path, signIn);
            }

            if (BridgeModeSetting.Read(configuration) == BridgeMode.Embedded)
            {
                Console.Out.WriteLine($"Status page: {signIn}#key={Uri.EscapeDataString(local.Key)}");
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
