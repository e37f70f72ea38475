using System.Runtime;
using LbOperator.Operator.Hosting;

namespace LbOperator.Operator.Tests.Hosting;

/// <summary>The GC's latency mode is process-wide, so these run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideGcCollection
{
    public const string Name = "process-wide GC mode";
}

[Collection(ProcessWideGcCollection.Name)]
public sealed class StartupHeapTests
{
    [Fact]
    public void Collections_deferred_at_start_resume_once_the_first_audit_settles_the_heap()
    {
        StartupHeap.Settle();

        Assert.True(StartupHeap.DeferCollections());
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        StartupHeap.Settle();

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_start_that_outgrows_the_budget_is_collected_as_usual_and_still_settles()
    {
        StartupHeap.Settle();
        Assert.True(StartupHeap.DeferCollections());
        var collections = GC.CollectionCount(0);

        for (var allocated = 0L; allocated <= StartupHeap.MaxDeferredBytes + (64L << 20); allocated += 1 << 20)
        {
            GC.KeepAlive(new byte[1 << 20]);
        }

        Assert.True(GC.CollectionCount(0) > collections, "the runtime collected once the budget was spent");
        StartupHeap.Settle();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Deferring_twice_is_refused_rather_than_thrown()
    {
        StartupHeap.Settle();
        Assert.True(StartupHeap.DeferCollections());

        Assert.False(StartupHeap.DeferCollections());

        StartupHeap.Settle();
    }
}
