using k8s;
using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.Mapping;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Reconciliation;
using LbOperator.Runtime;

namespace LbOperator.Operator.Reports;

/// <summary>
/// Reads, per namespace, the findings of every audited object from the published state, with the uid
/// and apiVersion from the caches. A namespace is complete once the caches are synced and every audited
/// object they hold in it has been reconciled at least once; before that its report would be partial,
/// so the writer waits. Objects that opted out (<c>lb-operator.io/ignore</c>) are left out.
/// </summary>
public sealed class NamespaceAuditReader(
    IObjectStore<V1Service> services,
    IObjectStore<V1Ingress> ingresses,
    IObjectStore<HttpRoute> routes,
    PublishedStates states,
    AuditedObjectReader objects,
    ICacheReadiness readiness)
{
    /// <summary>Namespaces that have published state, so they may need a report.</summary>
    public IReadOnlyCollection<string> NamespacesWithState() =>
        states.Keys.Select(key => key.Namespace).ToHashSet(StringComparer.Ordinal);

    /// <summary>True once the caches are synced and every audited object they hold has been reconciled at least once.</summary>
    public bool AllReconciled() => readiness.IsSynced && CachedKeys().All(key => states.Get(key) is not null);

    /// <returns>For each namespace asked for, its audited objects, or null while it is not complete.</returns>
    public IReadOnlyDictionary<string, IReadOnlyList<AuditedFindings>?> Read(IReadOnlyCollection<string> namespaces)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        var audits = namespaces.Distinct(StringComparer.Ordinal).ToDictionary(ns => ns, _ => (List<AuditedFindings>?)[], StringComparer.Ordinal);
        if (!readiness.IsSynced)
        {
            return audits.ToDictionary(pair => pair.Key, _ => (IReadOnlyList<AuditedFindings>?)null, StringComparer.Ordinal);
        }

        foreach (var key in CachedKeys())
        {
            if (audits.TryGetValue(key.Namespace, out var audit) && audit is not null && states.Get(key) is null)
            {
                audits[key.Namespace] = null;
            }
        }

        foreach (var key in states.Keys)
        {
            if (audits.GetValueOrDefault(key.Namespace) is not { } audit
                || states.Get(key) is not { } state
                || objects.Read(key) is not { Ignored: false } current)
            {
                continue;
            }

            audit.Add(new AuditedFindings(key, current.Target.ApiVersion, current.Target.Uid,
                state.Findings.Values.Select(published => published.Current).ToArray()));
        }

        return audits.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<AuditedFindings>?)pair.Value, StringComparer.Ordinal);
    }

    private IEnumerable<ObjectRef> CachedKeys() =>
        Keys(ObjectKind.Service, services.List()).Concat(Keys(ObjectKind.Ingress, ingresses.List())).Concat(Keys(ObjectKind.HttpRoute, routes.List()));

    private static IEnumerable<ObjectRef> Keys<T>(ObjectKind kind, IEnumerable<T> items)
        where T : IKubernetesObject<V1ObjectMeta> =>
        items.Select(item => new ObjectRef(kind, MetadataReader.NamespaceOf(item.Metadata), item.Metadata.Name));
}
