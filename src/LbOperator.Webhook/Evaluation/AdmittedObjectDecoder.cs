using System.Text.Json;
using k8s;
using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Mapping;
using LbOperator.Webhook.Admission;

namespace LbOperator.Webhook.Evaluation;

/// <summary>Turns <c>request.object</c> / <c>request.oldObject</c> into a core record through the shared mappers.</summary>
public static class AdmittedObjectDecoder
{
    /// <summary>The audited kind for a request kind, or null for every kind the webhook lets through unchecked.</summary>
    public static ObjectKind? KindOf(GroupVersionKind kind) => (kind.Group, kind.Version, kind.Kind) switch
    {
        ("", "v1", "Service") => ObjectKind.Service,
        ("networking.k8s.io", "v1", "Ingress") => ObjectKind.Ingress,
        (HttpRoute.KubeGroup, HttpRoute.KubeVersion, HttpRoute.KubeKind) => ObjectKind.HttpRoute,
        (GrpcRoute.KubeGroup, GrpcRoute.KubeVersion, GrpcRoute.KubeKind) => ObjectKind.GrpcRoute,
        _ => null,
    };

    /// <exception cref="AdmissionInputException">The object does not decode as <paramref name="kind"/>.</exception>
    public static AdmittedObject Decode(ObjectKind kind, JsonElement element, string? requestNamespace, string? requestName)
    {
        try
        {
            return kind switch
            {
                ObjectKind.Service => FromService(Read<V1Service>(element, requestNamespace, requestName)),
                ObjectKind.Ingress => FromIngress(Read<V1Ingress>(element, requestNamespace, requestName)),
                ObjectKind.GrpcRoute => FromGrpcRoute(Read<GrpcRoute>(element, requestNamespace, requestName)),
                _ => FromHttpRoute(Read<HttpRoute>(element, requestNamespace, requestName)),
            };
        }
        catch (AdmissionInputException)
        {
            throw;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException or OverflowException)
        {
            throw new AdmissionInputException($"the {KindName(kind)} in the request cannot be read: {FirstLine(e.Message)}", e);
        }
    }

    private static T Read<T>(JsonElement element, string? requestNamespace, string? requestName)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var value = KubernetesJson.Deserialize<T>(element)
            ?? throw new AdmissionInputException("the object in the request is null");
        value.Metadata ??= new V1ObjectMeta();
        if (string.IsNullOrEmpty(value.Metadata.NamespaceProperty))
        {
            value.Metadata.NamespaceProperty = requestNamespace ?? MetadataReader.DefaultNamespace;
        }

        if (string.IsNullOrEmpty(value.Metadata.Name))
        {
            value.Metadata.Name = requestName
                ?? throw new AdmissionInputException("the object in the request has no metadata.name and the request names none");
        }

        return value;
    }

    private static AdmittedObject FromService(V1Service service)
    {
        var info = ServiceMapper.Map(service);
        return new AdmittedObject(info.Ref, "v1", service.Metadata.Uid, info.Annotations, Service: info);
    }

    private static AdmittedObject FromIngress(V1Ingress ingress)
    {
        var info = IngressMapper.Map(ingress);
        return new AdmittedObject(info.Ref, "networking.k8s.io/v1", ingress.Metadata.Uid, info.Annotations, Ingress: info);
    }

    private static AdmittedObject FromHttpRoute(HttpRoute route)
    {
        var info = HttpRouteMapper.Map(route);
        return new AdmittedObject(info.Ref, HttpRoute.KubeApiVersion, route.Metadata.Uid, info.Annotations, HttpRoute: info);
    }

    private static AdmittedObject FromGrpcRoute(GrpcRoute route)
    {
        var info = HttpRouteMapper.Map(route);
        return new AdmittedObject(info.Ref, GrpcRoute.KubeApiVersion, route.Metadata.Uid, info.Annotations, HttpRoute: info);
    }

    private static string KindName(ObjectKind kind) => new ObjectRef(kind, "-", "-").KindName;

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
