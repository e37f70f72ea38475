using System.Collections.Concurrent;
using LbOperator.Core.Model;
using LbOperator.Core.Observed;

namespace LbOperator.Kubernetes.Observed;

/// <summary>
/// Runs one interval's queries: the cluster-wide one, then a capped batch of Services' own queries
/// (annotation <see cref="ObservedQueries.Annotation"/>), a few at a time. A Service whose query is not
/// in this interval's batch keeps its last result while its query text is unchanged. Not thread-safe:
/// one caller runs one interval at a time.
/// </summary>
public sealed class ObservedRatesCollector
{
    private const int Parallelism = 4;

    private readonly PrometheusClient _client;
    private readonly ObservedSettings _settings;
    private readonly Dictionary<(string Namespace, string Service), (string Query, ObservedSource Source)> _lastOwn = [];
    private string? _cursor;

    public ObservedRatesCollector(PrometheusClient client, ObservedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        _client = client;
        _settings = settings;
    }

    public async Task<ObservedCollection> CollectAsync(IClusterView view, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (cluster, clusterError, clusterLacksPod) = await QueryClusterAsync(now, cancellationToken).ConfigureAwait(false);

        var annotated = new Dictionary<string, (ServiceInfo Service, string Query)>(StringComparer.Ordinal);
        foreach (var service in view.Services)
        {
            if (service.Annotations.TryGetValue(ObservedQueries.Annotation, out var template) && !string.IsNullOrWhiteSpace(template))
            {
                annotated[$"{service.Namespace}/{service.Name}"] = (service, ObservedQueries.Expand(template, service.Namespace, service.Name, _settings.Window));
            }
        }

        foreach (var key in _lastOwn.Keys.Where(key => !annotated.ContainsKey($"{key.Namespace}/{key.Service}")).ToList())
        {
            _lastOwn.Remove(key);
        }

        var batch = ObservedQueryPlanner.NextBatch(annotated.Keys, _cursor, _settings.MaxQueriesPerInterval);
        _cursor = batch.Count > 0 ? batch[^1] : null;
        var problems = new ConcurrentBag<ServiceQueryProblem>();
        var results = new ConcurrentDictionary<(string, string), ObservedSource>();
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (key, ct) =>
            {
                var (service, query) = annotated[key];
                results[(service.Namespace, service.Name)] = await QueryServiceAsync(service, query, now, problems, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);

        var own = new Dictionary<(string Namespace, string Service), ObservedSource>();
        foreach (var (key, (service, query)) in annotated)
        {
            var id = (service.Namespace, service.Name);
            if (results.TryGetValue(id, out var fresh))
            {
                own[id] = fresh;
                if (fresh.Available)
                {
                    _lastOwn[id] = (query, fresh);
                }
            }
            else
            {
                own[id] = _lastOwn.TryGetValue(id, out var last) && last.Query == query ? last.Source : ObservedSource.Failed(isClusterQuery: false);
            }
        }

        var ordered = problems.OrderBy(p => p.Service.ToString(), StringComparer.Ordinal).ToList();
        return new ObservedCollection(new ObservedRates(cluster, own), clusterError, clusterLacksPod, ordered, 1 + batch.Count);
    }

    private async Task<(ObservedSource Source, PrometheusQueryException? Error, bool LacksPod)> QueryClusterAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var samples = await _client.QueryAsync(ObservedQueries.ExpandCluster(_settings.ClusterQuery, _settings.Window), now, cancellationToken).ConfigureAwait(false);
            var (rates, lacksPod) = PodRates.Read(samples, defaultNamespace: null);
            return (new ObservedSource(IsClusterQuery: true, rates, _settings.ClusterMinRate), null, lacksPod);
        }
        catch (PrometheusQueryException error)
        {
            return (ObservedSource.Failed(isClusterQuery: true), error, false);
        }
    }

    private async Task<ObservedSource> QueryServiceAsync(ServiceInfo service, string query, DateTimeOffset now, ConcurrentBag<ServiceQueryProblem> problems, CancellationToken cancellationToken)
    {
        try
        {
            var samples = await _client.QueryAsync(query, now, cancellationToken).ConfigureAwait(false);
            var (rates, lacksPod) = PodRates.Read(samples, service.Namespace);
            if (lacksPod)
            {
                problems.Add(new ServiceQueryProblem(service.Ref, query, LacksPodLabel: true,
                    $"the query in annotation {ObservedQueries.Annotation} returned {samples.Count} series and none has a 'pod' label, so no series can be matched to an endpoint; aggregate with 'sum by (pod)'"));
            }

            return new ObservedSource(IsClusterQuery: false, rates, _settings.ServiceMinRate);
        }
        catch (PrometheusQueryException error)
        {
            problems.Add(new ServiceQueryProblem(service.Ref, query, LacksPodLabel: false, error.Message));
            return ObservedSource.Failed(isClusterQuery: false);
        }
    }
}
