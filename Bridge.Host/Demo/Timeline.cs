using System.Diagnostics;
using Spectre.Console;

namespace Bridge.Host.Demo;

/// <summary>Demo only: prints each step with the time since the start, one line each.</summary>
public sealed class Timeline
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    public Timeline()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Step(string actor, string text, string colour = "white")
    {
        lock (_gate)
        {
            AnsiConsole.MarkupLine($"[grey]{_clock.Elapsed.TotalSeconds,6:0.000}s[/] [bold {colour}]{Markup.Escape(actor),-8}[/] {Markup.Escape(text)}");
        }
    }
}
