using LbOperator.Core.Model;
using LbOperator.Kubernetes.Mapping;
using LbOperator.Operator.Informers;
using LbOperator.Runtime.Events;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Queue;
using LbOperator.Operator.Routing;

namespace LbOperator.Operator.Hosting;

/// <summary>Feeds the work queue from the informer caches, through the dependency router.</summary>
public static class ChangeFeed
{
    /// <summary>
    /// Subscribes the router to every cache. Call before the caches start, so the initial lists reach the
    /// indexes too. Subscribers run under the caches' notification gate: the router only updates its
    /// indexes and the queue only records keys, both quick.
    /// </summary>
    /// <param name="cachesSynced">Whether every cache has made its first list; once true, taken as true for good.</param>
    public static void Connect(ClusterCaches caches, DependencyRouter router, WorkQueue queue, Func<bool> cachesSynced)
    {
        ArgumentNullException.ThrowIfNull(caches);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(cachesSynced);
        var routeNodes = false;
        caches.Services.Subscribe((old, current) => queue.AddRange(router.ServiceChanged(old, current)));
        caches.EndpointSlices.Subscribe((old, current) => queue.AddRange(router.EndpointSliceChanged(old, current)));
        caches.Nodes.Subscribe((old, current) =>
        {
            // Until every cache has synced no worker runs, and the full audit that follows reconciles every Service.
            // Routed, a Node list arriving after the Services queued again, per Node, every Service that weighs
            // all Nodes: 0.7 s of a start-up with 5,000 Nodes and 1,000 such Services. A Node keeps no index here.
            routeNodes = routeNodes || cachesSynced();
            if (routeNodes)
            {
                queue.AddRange(router.NodeChanged(old, current));
            }
        });
        caches.Ingresses.Subscribe((old, current) => queue.AddRange(router.IngressChanged(old, current)));
        caches.HttpRoutes.Subscribe((old, current) => queue.AddRange(router.HttpRouteChanged(old, current)));
        caches.GrpcRoutes.Subscribe((old, current) => queue.AddRange(router.GrpcRouteChanged(old, current)));
        caches.IngressClasses.Subscribe((old, current) => queue.AddRange(router.IngressClassChanged(old, current)));
        caches.ReferenceGrants.Subscribe((old, current) => queue.AddRange(router.ReferenceGrantChanged(old, current)));
        caches.L2Advertisements.Subscribe((_, _) => queue.AddRange(router.MetalLbAdvertisementChanged()));
        caches.BgpAdvertisements.Subscribe((_, _) => queue.AddRange(router.MetalLbAdvertisementChanged()));
    }

    /// <summary>
    /// Reconciles again, each time the recorder has listed the Events written earlier, the objects whose
    /// announced findings are still open: one that went away while no leader ran is resolved then.
    /// </summary>
    public static void ConnectRecorder(EventRecorder recorder, WorkQueue queue)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(queue);
        recorder.Synced += keys => queue.AddRange(keys);
    }

    /// <summary>
    /// What a full audit reconciles: every Service, Ingress, HTTPRoute and GRPCRoute in the caches, plus every key
    /// that still has published state, so an object whose delete was missed is cleaned up too.
    /// </summary>
    public static IReadOnlyCollection<ObjectRef> AuditedKeys(ClusterCaches caches, PublishedStates published)
    {
        ArgumentNullException.ThrowIfNull(caches);
        ArgumentNullException.ThrowIfNull(published);
        var keys = new HashSet<ObjectRef>(published.Keys);
        keys.UnionWith(caches.Services.List().Select(item => Key(ObjectKind.Service, item.Metadata)));
        keys.UnionWith(caches.Ingresses.List().Select(item => Key(ObjectKind.Ingress, item.Metadata)));
        keys.UnionWith(caches.HttpRoutes.List().Select(item => Key(ObjectKind.HttpRoute, item.Metadata)));
        keys.UnionWith(caches.GrpcRoutes.List().Select(item => Key(ObjectKind.GrpcRoute, item.Metadata)));
        return keys;
    }

    private static ObjectRef Key(ObjectKind kind, k8s.Models.V1ObjectMeta metadata) =>
        new(kind, MetadataReader.NamespaceOf(metadata), metadata.Name);
}
