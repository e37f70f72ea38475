using LbOperator.Core.Model;
using LbOperator.Operator.Informers;
using LbOperator.Operator.LeaderElection;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Queue;

namespace LbOperator.Operator.Routing;

/// <summary>Feeds the work queue from the informer caches, through the dependency router.</summary>
public static class ChangeFeed
{
    /// <summary>
    /// Subscribes the router to every cache. Call before the caches start, so the initial lists reach the
    /// indexes too. Subscribers run under the caches' notification gate: the router only updates its
    /// indexes and the queue only records keys, both quick.
    /// </summary>
    public static void Connect(ClusterCaches caches, DependencyRouter router, WorkQueue queue)
    {
        ArgumentNullException.ThrowIfNull(caches);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(queue);
        caches.Services.Subscribe((old, current) => queue.AddRange(router.ServiceChanged(old, current)));
        caches.EndpointSlices.Subscribe((old, current) => queue.AddRange(router.EndpointSliceChanged(old, current)));
        caches.Nodes.Subscribe((old, current) => queue.AddRange(router.NodeChanged(old, current)));
        caches.Ingresses.Subscribe((old, current) => queue.AddRange(router.IngressChanged(old, current)));
        caches.HttpRoutes.Subscribe((old, current) => queue.AddRange(router.HttpRouteChanged(old, current)));
        caches.GrpcRoutes.Subscribe((old, current) => queue.AddRange(router.GrpcRouteChanged(old, current)));
        caches.IngressClasses.Subscribe((old, current) => queue.AddRange(router.IngressClassChanged(old, current)));
        caches.ReferenceGrants.Subscribe((old, current) => queue.AddRange(router.ReferenceGrantChanged(old, current)));
        caches.L2Advertisements.Subscribe((_, _) => queue.AddRange(router.MetalLbAdvertisementChanged()));
        caches.BgpAdvertisements.Subscribe((_, _) => queue.AddRange(router.MetalLbAdvertisementChanged()));
    }

    /// <summary>
    /// Enqueues every key with pending Events whenever this replica becomes leader: they were planned
    /// while it was not, and the reconcile writes the ones that are still fresh.
    /// </summary>
    public static void ConnectLeadership(LeaseLeadership leadership, PublishedStates published, WorkQueue queue)
    {
        ArgumentNullException.ThrowIfNull(leadership);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(queue);
        leadership.LeadershipGained += () => queue.AddRange(KeysWithPendingEvents(published));
    }

    public static IReadOnlyCollection<ObjectRef> KeysWithPendingEvents(PublishedStates published)
    {
        ArgumentNullException.ThrowIfNull(published);
        return published.Snapshot().Where(pair => pair.Value.PendingEvents.Count > 0).Select(pair => pair.Key).ToArray();
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
        new(kind, string.IsNullOrEmpty(metadata.NamespaceProperty) ? "default" : metadata.NamespaceProperty, metadata.Name);
}
