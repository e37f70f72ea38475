using k8s;
using k8s.Models;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Operator.Caching;
using LbOperator.Operator.Metrics;
using LbOperator.Runtime.Metrics;
using LbOperator.Runtime.Options;
using LbOperator.Operator.Reconciliation;
using LbOperator.Operator.Routing;
using LbOperator.Runtime;
using LbOperator.Operator.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LbOperator.Operator.Tests.Reconciliation;

public sealed class ReconciliationServiceCollectionExtensionsTests
{
    [Fact]
    public void The_reconcile_domain_resolves_on_top_of_the_runtime_seams_shares_one_cluster_view_and_binds_the_policy()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IObjectStore<V1Service>>(new InMemoryObjectStore<V1Service>())
            .AddSingleton<IObjectStore<V1EndpointSlice>>(new InMemoryObjectStore<V1EndpointSlice>())
            .AddSingleton<IObjectStore<V1Node>>(new InMemoryObjectStore<V1Node>())
            .AddSingleton<IObjectStore<V1Ingress>>(new InMemoryObjectStore<V1Ingress>())
            .AddSingleton<IObjectStore<HttpRoute>>(new InMemoryObjectStore<HttpRoute>())
            .AddSingleton<ICacheReadiness>(new StaticReadiness())
            .AddSingleton(Mock.Of<ILeadership>())
            .AddSingleton<IApiWriteGate>(new PassThroughWriteGate())
            .AddSingleton(Mock.Of<IKubernetes>())
            .AddSingleton(new OperatorMetrics(new MetricsExposition(Prometheus.Metrics.NewCustomRegistry(), [])))
            .AddAnalysisPolicy(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LbOperator:Policy:WarnSkew"] = "1.2",
                ["LbOperator:Policy:MaxSkew"] = "1.8",
            }).Build())
            .AddReconciliation();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<Reconciler>(provider.GetRequiredService<IReconciler>());
        Assert.Same(provider.GetRequiredService<CacheClusterView>(), provider.GetRequiredService<IClusterView>());
        Assert.NotNull(provider.GetRequiredService<DependencyRouter>());
        Assert.Equal(1.8, provider.GetRequiredService<AnalysisPolicy>().MaxSkew);
    }
}
