using System.Runtime;

namespace LbOperator.Operator.Hosting;

/// <summary>
/// Start-up allocates the caches: the first lists and the first full audit of 10,000 Services allocate about
/// 170 MB, nearly all of it still live when the audit ends. Collections during that time find almost nothing
/// to free and copy the new objects from generation to generation (three gen0, two gen1 and two blocking gen2
/// collections there, 0.1 s and more of pauses on two cores). So collections wait until the first audit has
/// published everything, up to a quarter of the memory the process may use and at most 256 MB; past that
/// budget the runtime collects as usual. One compacting collection then returns what start-up left behind.
/// </summary>
public static class StartupHeap
{
    public const long MaxDeferredBytes = 256L << 20;

    /// <summary>Returns whether collections are deferred; they are not when a budget cannot be granted.</summary>
    public static bool DeferCollections()
    {
        var budget = Math.Min(MaxDeferredBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);
        try
        {
            return GC.TryStartNoGCRegion(budget);
        }
        catch (Exception refused) when (refused is InvalidOperationException or ArgumentOutOfRangeException)
        {
            // Already deferred (a second host in one process), or more than this GC can set aside.
            return false;
        }
    }

    /// <summary>After the first full audit: collect again, compacting the heap and decommitting what is free.</summary>
    public static void Settle()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // Start-up outgrew the budget, or something else collected: the region has already ended.
            }
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
