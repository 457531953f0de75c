using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace PaperLsp.Benchmarks.Measurement;

/// <summary>
/// Which types this process allocates, from the runtime's AllocationTick events (one about every 100 KB allocated, naming
/// the type of the object that crossed the mark): a sample proportional to the bytes allocated per type.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        var type = eventData.Payload![names.IndexOf("TypeName")] as string ?? "?";
        var amount = names.IndexOf("AllocationAmount64") is var at and >= 0 ? Convert.ToInt64(eventData.Payload[at], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    /// <summary>The sampled bytes by type, largest first.</summary>
    public IReadOnlyList<(string Type, long Bytes)> Top(int count) =>
        _bytesByType.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value)).ToArray();
}
