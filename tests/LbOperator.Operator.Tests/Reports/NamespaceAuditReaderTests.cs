using LbOperator.Operator.Caching;
using LbOperator.Operator.Reconciliation;
using LbOperator.Operator.Reports;
using LbOperator.Operator.Tests.Fakes;
using LbOperator.Operator.Tests.Reconciliation;

namespace LbOperator.Operator.Tests.Reports;

public class NamespaceAuditReaderTests
{
    private readonly ReconcilerHarness _harness = new();

    [Fact]
    public async Task A_namespace_is_incomplete_until_every_cached_audited_object_in_it_has_been_reconciled()
    {
        _harness.LoadOutage();
        _harness.Services.Put(ApiObjects.Service("shop", "api"));
        await _harness.Reconcile("Service/shop/web");

        Assert.Null(Reader().Read(["shop"])["shop"]);

        await _harness.Reconcile("Service/shop/api");
        var audit = Reader().Read(["shop"])["shop"]!;
        Assert.Equal(["api", "web"], audit.Select(item => item.Object.Name).Order());
        var web = Assert.Single(audit, item => item.Object.Name == "web");
        Assert.Equal(("v1", "uid-shop-web", "LB001"), (web.ApiVersion, web.Uid, Assert.Single(web.Findings).RuleId));
    }

    [Fact]
    public async Task Nothing_is_complete_before_the_caches_are_synced()
    {
        _harness.LoadOutage();
        await _harness.Reconcile("Service/shop/web");
        _harness.Readiness.IsSynced = false;

        Assert.Null(Reader().Read(["shop"])["shop"]);
    }

    [Fact]
    public async Task An_ignored_object_has_no_results_and_a_namespace_without_objects_is_complete_and_empty()
    {
        var ignored = ApiObjects.Service("shop", "web");
        ignored.Metadata.Annotations = new Dictionary<string, string> { ["lb-operator.io/ignore"] = "true" };
        _harness.Services.Put(ignored);
        await _harness.Reconcile("Service/shop/web");

        var audits = Reader().Read(["shop", "empty"]);

        Assert.Empty(audits["shop"]!);
        Assert.Empty(audits["empty"]!);
    }

    [Fact]
    public async Task The_namespaces_with_published_state_may_need_a_report()
    {
        _harness.LoadOutage();
        _harness.Services.Put(ApiObjects.Service("web", "front"));
        await _harness.Reconcile("Service/shop/web");
        await _harness.Reconcile("Service/web/front");

        Assert.Equal(["shop", "web"], Reader().NamespacesWithState().Order());
    }

    private NamespaceAuditReader Reader()
    {
        var view = new CacheClusterView(_harness.Services, _harness.Slices, _harness.Nodes, _harness.Ingresses, _harness.Routes, _harness.Index);
        return new NamespaceAuditReader(_harness.Services, _harness.Ingresses, _harness.Routes, _harness.States,
            new AuditedObjectReader(_harness.Services, _harness.Ingresses, _harness.Routes, view), _harness.Readiness);
    }
}
