using System.Diagnostics;
using k8s;
using k8s.Models;
using LbOperator.Kubernetes.Protobuf;
using LbOperator.Operator.Informers;

namespace LbOperator.Benchmarks.Scale;

/// <summary>
/// Loads the state written by <c>gen_cluster.py</c> into a real API server through the API, many requests
/// at a time, and times a bare list of the same objects (what any controller must read at start).
/// </summary>
internal static class ClusterLoader
{
    private const int Parallelism = 48;

    public static async Task<ClusterState> GenerateAsync(string generator, string arguments)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(generator);
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        var yaml = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{generator} {arguments} exited with {process.ExitCode}");
        }

        // One parse per document: the parser refuses a single stream of this size.
        var objects = yaml.Split("---\n", StringSplitOptions.RemoveEmptyEntries)
            .AsParallel().AsOrdered()
            .SelectMany(document => KubernetesYaml.LoadAllFromString(document))
            .ToList();
        return new ClusterState(
            objects.OfType<V1Node>().ToArray(),
            objects.OfType<V1Namespace>().ToArray(),
            objects.OfType<V1Service>().ToArray(),
            objects.OfType<V1EndpointSlice>().ToArray());
    }

    /// <returns>How long the load took.</returns>
    public static async Task<TimeSpan> LoadAsync(IKubernetes client, ClusterState state)
    {
        var started = Stopwatch.GetTimestamp();
        await ForEachAsync(state.Namespaces, item => client.CoreV1.CreateNamespaceAsync(item));
        await ForEachAsync(state.Nodes, async node =>
        {
            var allocatable = node.Status;
            var created = await client.CoreV1.CreateNodeAsync(node);
            created.Status = allocatable;
            return await client.CoreV1.ReplaceNodeStatusAsync(created, created.Metadata.Name);
        });
        await ForEachAsync(state.Services, item => client.CoreV1.CreateNamespacedServiceAsync(item, item.Metadata.NamespaceProperty));
        await ForEachAsync(state.Slices, item => client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(item, item.Metadata.NamespaceProperty));
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// The fastest of three full lists of Services, EndpointSlices and Nodes in JSON, in one go each, one after
    /// another. <paramref name="resourceVersion"/> null reads the latest state from etcd; "0" is served from
    /// the API server's watch cache, as client-go's informers (and the operator's) make their first list.
    /// </summary>
    public static Task<TimeSpan> BareListAsync(IKubernetes client, ClusterState state, string? resourceVersion = null) =>
        FastestOfThreeAsync(state, async () => (
            (await client.CoreV1.ListServiceForAllNamespacesAsync(resourceVersion: resourceVersion)).Items.Count,
            (await client.DiscoveryV1.ListEndpointSliceForAllNamespacesAsync(resourceVersion: resourceVersion)).Items.Count,
            (await client.CoreV1.ListNodeAsync(resourceVersion: resourceVersion)).Items.Count));

    /// <summary>
    /// The latest state again, through the operator's own list clients: Services and EndpointSlices in protobuf,
    /// Nodes in JSON.
    /// </summary>
    public static Task<TimeSpan> BareProtobufListAsync(ProtobufKubernetes client, ClusterState state) =>
        FastestOfThreeAsync(state, async () => (
            (await ResourceClients.Services(client).ListAsync(null, CancellationToken.None)).Items.Count,
            (await ResourceClients.EndpointSlices(client).ListAsync(null, CancellationToken.None)).Items.Count,
            (await ResourceClients.Nodes(client).ListAsync(null, CancellationToken.None)).Items.Count));

    private static async Task<TimeSpan> FastestOfThreeAsync(ClusterState state, Func<Task<(int Services, int Slices, int Nodes)>> list)
    {
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var started = Stopwatch.GetTimestamp();
            var (services, slices, nodes) = await list();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (slices < state.Slices.Count || nodes < state.Nodes.Count || services < state.Services.Count)
            {
                throw new InvalidOperationException("The bare list saw fewer objects than were loaded.");
            }

            best = elapsed < best ? elapsed : best;
        }

        return best;
    }

    private static Task ForEachAsync<T, TResult>(IReadOnlyList<T> items, Func<T, Task<TResult>> create) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, _) => await create(item));
}

internal sealed record ClusterState(
    IReadOnlyList<V1Node> Nodes, IReadOnlyList<V1Namespace> Namespaces, IReadOnlyList<V1Service> Services, IReadOnlyList<V1EndpointSlice> Slices)
{
    public int Endpoints => Slices.Sum(slice => slice.Endpoints?.Count ?? 0);

    public int Skewed => Services.Count(service => service.Spec.ExternalTrafficPolicy == "Local");
}
