using Serilog;

namespace Bridge.Host.Composition;

/// <summary>Builds the Bridge web host. What it is made of: <see cref="BridgeComposition.AddBridge"/>; what it serves: <see cref="BridgeApi.MapBridgeApi"/>.</summary>
public static class BridgeApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        builder.Services.AddSerilog((_, logger) => logger.ReadFrom.Configuration(builder.Configuration).WriteTo.Console(
            outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));
        builder.AddBridge();

        var app = builder.Build();
        app.MapBridgeApi();
        return app;
    }
}
