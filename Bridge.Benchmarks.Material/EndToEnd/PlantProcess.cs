using System.Globalization;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// The simulated MES and WMS A and the load generator, in a process of their own (<c>plant</c> verb) so that the host's
/// CPU is measured apart from theirs. Driven line by line on stdin by <see cref="PlantProcessClient"/>:
/// <c>host URL MES-KEY WMS-KEY ERP-KEY ADMIN-KEY</c>, <c>setup ORDERS</c>, <c>run CONFIRMERS</c>,
/// <c>send PREFIX FIRST-ORDER COUNT PER-SECOND</c> (0: as fast as 64 in flight allow), <c>quit</c>. Answers on stdout:
/// <c>url URL</c> at start, <c>ok</c>, and for a send its stage marks (<see cref="StageClock.Export"/>) then
/// <c>phase SECONDS MISSING P50 P99 MAX CONFIRMATIONS-REFUSED</c>.
/// </summary>
internal static class PlantProcess
{
    public static async Task<int> RunAsync()
    {
        await using var plant = await SimulatedPlant.StartAsync();
        var clients = new List<HttpClient>();
        LoadGenerator? load = null;
        HttpClient? wms = null;
        Console.WriteLine($"url {plant.BaseUrl.AbsoluteUri}");
        try
        {
            while (await Console.In.ReadLineAsync() is { } line)
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                switch (words)
                {
                    case ["host", var url, var mesKey, var wmsKey, var erpKey, var adminKey]:
                        var baseUrl = new Uri(url);
                        var mes = Client(baseUrl, "X-Api-Key", mesKey);
                        wms = Client(baseUrl, "X-Api-Key", wmsKey);
                        var erp = Client(baseUrl, "X-Api-Key", erpKey);
                        var admin = Client(baseUrl, "Authorization", "Bearer " + adminKey);
                        clients.AddRange([mes, wms, erp, admin]);
                        load = new LoadGenerator(plant, mes, wms, erp, admin);
                        break;
                    case ["setup", var orders] when load is not null:
                        await load.SetUpAsync(int.Parse(orders, CultureInfo.InvariantCulture));
                        break;
                    case ["run", var confirmers] when wms is not null:
                        plant.Run(wms, int.Parse(confirmers, CultureInfo.InvariantCulture));
                        break;
                    case ["send", var prefix, var first, var count, var rate] when load is not null:
                        var perSecond = double.Parse(rate, CultureInfo.InvariantCulture);
                        var phase = await load.SendAsync(prefix, int.Parse(first, CultureInfo.InvariantCulture), int.Parse(count, CultureInfo.InvariantCulture), perSecond > 0 ? perSecond : null);
                        foreach (var mark in plant.Clock.Export())
                        {
                            Console.WriteLine(mark);
                        }

                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase {phase.Seconds:R} {phase.Missing} {phase.P50:R} {phase.P99:R} {phase.Max:R} {plant.ConfirmFailures}"));
                        continue;
                    case ["quit"]:
                        return 0;
                    default:
                        Console.Error.WriteLine($"plant: not understood: {line}");
                        return 2;
                }

                Console.WriteLine("ok");
            }

            return 0;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static HttpClient Client(Uri baseUrl, string header, string value)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
        return client;
    }
}
