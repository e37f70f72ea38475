using LbOperator.Core.Analysis.Services;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>How an Ingress controller reaches a backend Service's pods.</summary>
internal static class BackendPaths
{
    public const string ServiceUpstream = "nginx.ingress.kubernetes.io/service-upstream";
    public const string AlbTargetType = "alb.ingress.kubernetes.io/target-type";
    public const string GkeNeg = "cloud.google.com/neg";

    public static ServicePath For(AnalysisContext context, IngressController controller, IngressInfo ingress, string serviceName, List<string> notes)
    {
        var service = context.View.GetService(ingress.Namespace, serviceName);
        switch (controller)
        {
            case IngressController.Nginx when IsTrue(ingress.Annotations, ServiceUpstream):
                // service-upstream sends to the ClusterIP, so kube-proxy and the Service's policies decide:
                // https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#service-upstream
                notes.Add($"Ingress {ingress.Ref} sets {ServiceUpstream}: \"true\": nginx sends to the ClusterIP of {serviceName}, so its traffic policies and topology apply");
                return ServicePath.ClusterIp;
            case IngressController.Alb:
                // The Service's annotation wins over the Ingress's; instance is the default:
                // https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#target-type
                var targetType = Annotation(service?.Annotations, AlbTargetType) ?? Annotation(ingress.Annotations, AlbTargetType) ?? "instance";
                if (string.Equals(targetType, "ip", StringComparison.OrdinalIgnoreCase))
                {
                    return ServicePath.Pods;
                }

                notes.Add($"the ALB targets the nodes of {serviceName} (target-type {targetType}), cross-zone on, then kube-proxy: its externalTrafficPolicy applies");
                return ServicePath.NodePort;
            case IngressController.Gce:
                // Container-native load balancing (NEG) sends to the pods; instance groups to the nodes:
                // https://cloud.google.com/kubernetes-engine/docs/how-to/container-native-load-balancing
                if (Annotation(service?.Annotations, GkeNeg) is { } neg && neg.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("\"ingress\":true", StringComparison.Ordinal))
                {
                    return ServicePath.Pods;
                }

                notes.Add($"GKE Ingress reaches {serviceName} through instance groups (no {GkeNeg} ingress NEG), so its externalTrafficPolicy applies");
                return ServicePath.NodePort;
            default:
                return ServicePath.Pods;
        }
    }

    private static string? Annotation(IReadOnlyDictionary<string, string>? annotations, string key) =>
        annotations is not null && annotations.TryGetValue(key, out var value) ? value.Trim() : null;

    private static bool IsTrue(IReadOnlyDictionary<string, string> annotations, string key) =>
        string.Equals(Annotation(annotations, key), "true", StringComparison.OrdinalIgnoreCase);
}
