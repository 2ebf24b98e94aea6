using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Bridge.Tests.Mappings;

public sealed class MappingsLogTests
{
    [Fact]
    public void EveryMappingsLogEvent_HasADistinctIdIn8000To8099()
    {
        var ids = typeof(Bridge.Mappings.MappingSet).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(a => a.EventId)
            .ToList();

        ids.ShouldNotBeEmpty();
        ids.ShouldAllBe(id => id >= 8000 && id <= 8099);
        ids.ShouldBeUnique();
    }
}
