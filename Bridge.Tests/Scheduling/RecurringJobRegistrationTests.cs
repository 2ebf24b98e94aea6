using Bridge.Host.Infrastructure.Scheduling;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bridge.Tests.Scheduling;

/// <summary>
/// Every recurring job is stored as Hangfire stores it and read back as Hangfire's scheduler reads it when the job
/// is due. Found by the fault suite: the reservation reconciler implemented IRecurringJob explicitly, so Hangfire
/// could not load the stored job ("Only public methods can be invoked in the background") and disabled it on the
/// first run — in production the safety net for held stock never ran.
/// </summary>
public sealed class RecurringJobRegistrationTests
{
    public static TheoryData<Type> RecurringJobs()
    {
        var jobs = new TheoryData<Type>();
        foreach (var type in typeof(IRecurringJob).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRecurringJob).IsAssignableFrom(t)))
        {
            jobs.Add(type);
        }

        return jobs;
    }

    [Theory]
    [MemberData(nameof(RecurringJobs))]
    public async Task RegisteredJob_LoadsBackAsHangfireRunsIt(Type jobType)
    {
        var manager = new CapturingJobManager();
        var services = new ServiceCollection().AddSingleton<IRecurringJobManager>(manager);
        typeof(RecurringJobRegistration).GetMethods()
            .Single(m => m.Name == nameof(RecurringJobRegistration.AddRecurringJob) && m.GetParameters()[2].ParameterType == typeof(string))
            .MakeGenericMethod(jobType)
            .Invoke(null, [services, "job", "*/5 * * * *"]);
        await using var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var job = manager.Jobs.ShouldHaveSingleItem();
        var loaded = InvocationData.SerializeJob(job).DeserializeJob();
        loaded.Type.ShouldBe(jobType);
        loaded.Method.IsPublic.ShouldBeTrue();
        loaded.Method.Name.ShouldBe(nameof(IRecurringJob.RunAsync));
    }

    private sealed class CapturingJobManager : IRecurringJobManager
    {
        public List<Job> Jobs { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Jobs.Add(job);

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }
}
