using LbOperator.Core.Analysis.Ingresses;
using LbOperator.Core.Analysis.Routes;
using LbOperator.Core.Analysis.Services;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis;

/// <summary>
/// Computes how traffic is really spread at every entry point (Service, Ingress host+path, HTTPRoute
/// or GRPCRoute rule) and the findings that follow. Pure: the same view and policy always give the same report.
/// </summary>
public sealed class TrafficAnalyzer
{
    private readonly AnalysisPolicy _policy;
    private readonly SourceWeightsCache _weights = new();
    private readonly MeshRoutesCache _routes = new();
    private readonly IngressEntriesCache _ingresses = new();

    public TrafficAnalyzer(AnalysisPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <summary>
    /// The entry points of one object and the findings attached to it; empty when the object is
    /// missing or carries <c>lb-operator.io/ignore: "true"</c>.
    /// </summary>
    public AnalysisReport Analyze(IClusterView view, ObjectRef target)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(target);
        var context = new AnalysisContext(view, _policy, _weights, _routes);
        if (context.IsIgnored(target))
        {
            return AnalysisReport.Empty;
        }

        var report = new ReportBuilder(context, target);
        switch (target.Kind)
        {
            case ObjectKind.Service:
                if (view.GetService(target.Namespace, target.Name) is { } service)
                {
                    AddService(context, report, service);
                }

                break;
            case ObjectKind.Ingress:
                foreach (var entry in _ingresses.Of(context, target))
                {
                    report.Add(IngressEntryPointBuilder.Build(context, entry));
                }

                break;
            case ObjectKind.HttpRoute:
                if (view.GetHttpRoute(target.Namespace, target.Name) is { } route)
                {
                    AddRoute(context, report, route);
                }

                break;
            case ObjectKind.GrpcRoute:
                if (view.GetGrpcRoute(target.Namespace, target.Name) is { } grpcRoute)
                {
                    AddRoute(context, report, grpcRoute);
                }

                break;
        }

        return report.ToReport();
    }

    /// <summary>Every Service, Ingress entry point and HTTPRoute rule, each once, in a stable order.</summary>
    public AnalysisReport AnalyzeAll(IClusterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var context = new AnalysisContext(view, _policy, _weights, _routes);
        var report = new ReportBuilder(context, only: null);
        foreach (var service in Sorted(view.Services, s => (s.Namespace, s.Name)))
        {
            AddService(context, report, service);
        }

        foreach (var entry in IngressGrouping.Build(view.Ingresses, context.IngressClasses))
        {
            report.Add(IngressEntryPointBuilder.Build(context, entry));
        }

        foreach (var route in Sorted(view.HttpRoutes, r => (r.Namespace, r.Name)))
        {
            AddRoute(context, report, route);
        }

        foreach (var route in Sorted(view.GrpcRoutes, r => (r.Namespace, r.Name)))
        {
            AddRoute(context, report, route);
        }

        return report.ToReport();
    }

    private static void AddService(AnalysisContext context, ReportBuilder report, ServiceInfo service)
    {
        if (ServiceEntryPointBuilder.Build(context, service) is { } draft)
        {
            report.Add(draft);
        }
    }

    private static void AddRoute(AnalysisContext context, ReportBuilder report, HttpRouteInfo route)
    {
        for (var i = 0; i < route.Rules.Count; i++)
        {
            report.Add(HttpRouteEntryPointBuilder.Build(context, route, i));
        }
    }

    private static T[] Sorted<T>(IReadOnlyCollection<T> items, Func<T, (string Namespace, string Name)> key)
    {
        var array = items.ToArray();
        Array.Sort(array, (a, b) =>
        {
            var (an, aName) = key(a);
            var (bn, bName) = key(b);
            var byNamespace = string.CompareOrdinal(an, bn);
            return byNamespace != 0 ? byNamespace : string.CompareOrdinal(aName, bName);
        });
        return array;
    }
}
