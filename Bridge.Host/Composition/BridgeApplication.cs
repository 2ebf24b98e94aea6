using Serilog;

namespace Bridge.Host.Composition;

/// <summary>Builds the Bridge web host. What it is made of: <see cref="BridgeComposition.AddBridge"/>; what it serves: <see cref="BridgeApi.MapBridgeApi"/>.</summary>
public static class BridgeApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        // Bridge:Logging:Json=true: compact JSON lines (trace and span ids included, control characters escaped by JSON).
        var json = builder.Configuration.GetValue<bool>("Bridge:Logging:Json");
        builder.Services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
            if (json)
            {
                logger.WriteTo.Console(new Serilog.Formatting.Compact.CompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        });
        builder.AddBridge();

        var app = builder.Build();
        app.MapBridgeApi();
        return app;
    }
}
