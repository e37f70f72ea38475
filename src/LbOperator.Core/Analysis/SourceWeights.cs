using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis;

/// <summary>
/// Where cluster traffic starts. Kubernetes assumes traffic in proportion to allocatable CPU when it
/// assigns topology hints, so the model does too; Nodes that report no CPU count equally.
/// </summary>
internal static class SourceWeights
{
    public static IReadOnlyDictionary<string, double> ByZone(IReadOnlyCollection<NodeInfo> nodes)
    {
        var cpu = new Dictionary<string, double>(StringComparer.Ordinal);
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Zone is null)
            {
                continue;
            }

            cpu[node.Zone] = cpu.GetValueOrDefault(node.Zone) + Math.Max(0, node.AllocatableCpuCores);
            count[node.Zone] = count.GetValueOrDefault(node.Zone) + 1;
        }

        return Normalise(cpu, count);
    }

    public static IReadOnlyDictionary<string, double> ByNode(IReadOnlyCollection<NodeInfo> nodes)
    {
        var cpu = new Dictionary<string, double>(StringComparer.Ordinal);
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            cpu[node.Name] = Math.Max(0, node.AllocatableCpuCores);
            count[node.Name] = 1;
        }

        return Normalise(cpu, count);
    }

    /// <summary>Equal weights over the groups present, for clusters whose Node objects are not known.</summary>
    public static IReadOnlyDictionary<string, double> Equal(IEnumerable<string> groups)
    {
        var set = new SortedSet<string>(groups, StringComparer.Ordinal);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in set)
        {
            weights[group] = 1.0 / set.Count;
        }

        return weights;
    }

    private static Dictionary<string, double> Normalise(Dictionary<string, double> cpu, Dictionary<string, int> count)
    {
        var totalCpu = 0.0;
        var totalCount = 0;
        foreach (var (key, value) in cpu)
        {
            totalCpu += value;
            totalCount += count[key];
        }

        var weights = new Dictionary<string, double>(cpu.Count, StringComparer.Ordinal);
        foreach (var (key, value) in cpu)
        {
            weights[key] = totalCpu > 0 ? value / totalCpu : (double)count[key] / totalCount;
        }

        return weights;
    }
}
