using System.Diagnostics;
using k8s;
using k8s.Models;
using LbOperator.ApiEmulator.Backends;

namespace LbOperator.Benchmarks.Operator;

/// <summary>
/// A cluster from <c>shared/bench/gen_cluster.py</c> (Namespaces, Nodes, Services, EndpointSlices),
/// created through the API with a few requests in flight, as a real cluster would have been filled.
/// </summary>
internal static class GeneratedCluster
{
    public static async Task<IReadOnlyList<IKubernetesObject<V1ObjectMeta>>> GenerateAsync(int services)
    {
        var script = Path.Combine(Path.GetDirectoryName(GatewayApiCrds.Directory())!, "bench", "gen_cluster.py");
        using var process = Process.Start(new ProcessStartInfo("python3", [script, services.ToString(System.Globalization.CultureInfo.InvariantCulture), "5", "100", "3"])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("python3 did not start");
        var yaml = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // One document at a time: the parser caps the events of one parse, and the whole stream exceeds it.
        return yaml.Split("---\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(document => KubernetesYaml.LoadAllFromString(document))
            .Cast<IKubernetesObject<V1ObjectMeta>>()
            .ToList();
    }

    public static async Task CreateAsync(IKubernetes client, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects)
    {
        foreach (var ns in objects.OfType<V1Namespace>())
        {
            await client.CoreV1.CreateNamespaceAsync(ns);
        }

        await Parallel.ForEachAsync(objects.Where(item => item is not V1Namespace), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, ct) =>
        {
            switch (item)
            {
                case V1Node node:
                    await client.CoreV1.CreateNodeAsync(node, cancellationToken: ct);
                    break;
                case V1Service service:
                    await client.CoreV1.CreateNamespacedServiceAsync(service, service.Metadata.NamespaceProperty, cancellationToken: ct);
                    break;
                case V1EndpointSlice slice:
                    await client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(slice, slice.Metadata.NamespaceProperty, cancellationToken: ct);
                    break;
            }
        });
    }
}
