namespace LbOperator.ApiEmulator.Resources;

/// <summary>The resources the emulator knows about; Gateway API and report ones are served only while "installed".</summary>
public static class ApiResourceCatalog
{
    public const string GatewayGroup = "gateway.networking.k8s.io";
    public const string PolicyReportGroup = "wgpolicyk8s.io";
    public const string OpenReportsGroup = "openreports.io";

    public static readonly ApiResource Namespaces = new("", "v1", "namespaces", "Namespace", Namespaced: false);
    public static readonly ApiResource Services = new("", "v1", "services", "Service", Namespaced: true);
    public static readonly ApiResource Nodes = new("", "v1", "nodes", "Node", Namespaced: false);
    public static readonly ApiResource CoreEvents = new("", "v1", "events", "Event", Namespaced: true);
    public static readonly ApiResource EventsV1 = new("events.k8s.io", "v1", "events", "Event", Namespaced: true);
    public static readonly ApiResource EndpointSlices = new("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", Namespaced: true);
    public static readonly ApiResource Ingresses = new("networking.k8s.io", "v1", "ingresses", "Ingress", Namespaced: true);
    public static readonly ApiResource Leases = new("coordination.k8s.io", "v1", "leases", "Lease", Namespaced: true);
    public static readonly ApiResource HttpRoutes = new(GatewayGroup, "v1", "httproutes", "HTTPRoute", Namespaced: true);
    public static readonly ApiResource PolicyReports = new(PolicyReportGroup, "v1alpha2", "policyreports", "PolicyReport", Namespaced: true);
    public static readonly ApiResource OpenReports = new(OpenReportsGroup, "v1alpha1", "reports", "Report", Namespaced: true);
    public static readonly ApiResource IngressClasses = new("networking.k8s.io", "v1", "ingressclasses", "IngressClass", Namespaced: false);
    public static readonly ApiResource GrpcRoutes = new(GatewayGroup, "v1", "grpcroutes", "GRPCRoute", Namespaced: true);
    public static readonly ApiResource ReferenceGrants = new(GatewayGroup, "v1beta1", "referencegrants", "ReferenceGrant", Namespaced: true);
    public static readonly ApiResource L2Advertisements = new("metallb.io", "v1beta1", "l2advertisements", "L2Advertisement", Namespaced: true);
    public static readonly ApiResource BgpAdvertisements = new("metallb.io", "v1beta1", "bgpadvertisements", "BGPAdvertisement", Namespaced: true);

    public static IReadOnlyList<ApiResource> All { get; } =
    [
        Namespaces, Services, Nodes, CoreEvents, EventsV1, EndpointSlices, Ingresses, Leases, HttpRoutes, IngressClasses, GrpcRoutes,
        ReferenceGrants, L2Advertisements, BgpAdvertisements, PolicyReports, OpenReports,
    ];

    public static ApiResource? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public static ApiResource? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);

    public static IEnumerable<string> GroupVersions() => All.Select(r => r.ApiVersion).Distinct();
}
