using Bridge.Benchmarks.Material;
using Bridge.Benchmarks.Material.EndToEnd;

// Material logic figures for issue 10, in one run so their ratios compare: BOM explosion, one order's kit check, the
// schedule kit check. Usage: dotnet run -c Release --project Bridge.Benchmarks.Material [-- --rounds 30]
// End to end on RabbitMQ + PostgreSQL (bench/material.sh starts the servers):
//   dotnet run -c Release --project Bridge.Benchmarks.Material -- e2e AMQP-URI POSTGRES-CONNECTION-STRING [REQUESTS]
// The host's CPU by stage from a profile an e2e run recorded (BRIDGE_BENCH_PERF), read again:
//   dotnet run -c Release --project Bridge.Benchmarks.Material -- perf-stages PERF-FILE HOST-MS-PER-REQUEST
if (args is ["plant"])
{
    return await PlantProcess.RunAsync();
}

if (args.Length == 3 && args[0] == "perf-stages" && double.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out var hostMs))
{
    foreach (var line in await PerfStages.ReportAsync(args[1], hostMs))
    {
        Console.WriteLine(line);
    }

    return 0;
}

if (args.Length >= 3 && args[0] == "e2e")
{
    var requests = args.Length > 3 && int.TryParse(args[3], out var n) && n > 0 ? n : 1000;
    return await EndToEndBenchmark.RunAsync(new Uri(args[1]), args[2], requests);
}

var rounds = args.Length == 2 && args[0] == "--rounds" && int.TryParse(args[1], out var r) && r > 0 ? r : 30;
Console.WriteLine($"Bridge material logic benchmark ({Environment.ProcessorCount} cores, load average {LoadAverage.Read()}), median of {rounds} rounds");
Console.WriteLine();
Console.WriteLine(ExplosionBenchmark.Run(rounds));
Console.WriteLine(KitCheckBenchmark.RunOneOrder(rounds));
Console.WriteLine(KitCheckBenchmark.RunSchedule(Math.Max(3, rounds / 10)));
return 0;
