using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Routes;

/// <summary>
/// Gateway API allows a route to send to a Service in another namespace only when a ReferenceGrant in
/// that namespace lists the route's kind and namespace under <c>from</c> and the Service under <c>to</c>;
/// otherwise the reference is <c>RefNotPermitted</c> and its share answers 500
/// (https://gateway-api.sigs.k8s.io/api-types/referencegrant/).
/// </summary>
internal static class ReferencePermission
{
    private const string GatewayGroup = "gateway.networking.k8s.io";

    /// <returns>True when the reference is in the route's namespace, granted, or the grants cannot be known.</returns>
    public static bool IsPermitted(IClusterView view, HttpRouteInfo route, string backendNamespace, string serviceName)
    {
        if (string.Equals(backendNamespace, route.Namespace, StringComparison.Ordinal) || view.ReferenceGrants is not { } grants)
        {
            return true;
        }

        var kind = route.Ref.KindName;
        foreach (var grant in grants)
        {
            if (!string.Equals(grant.Namespace, backendNamespace, StringComparison.Ordinal))
            {
                continue;
            }

            var fromRoute = grant.From.Any(f => f.Group == GatewayGroup && f.Kind == kind && f.Namespace == route.Namespace);
            var toService = grant.To.Any(t => t.Group.Length == 0 && t.Kind == "Service" && (t.Name is null || t.Name == serviceName));
            if (fromRoute && toService)
            {
                return true;
            }
        }

        return false;
    }
}
