using k8s.Models;
using LbOperator.Core.Model;

namespace LbOperator.Operator.Events;

/// <summary>The audited object an Event is about; becomes the Event's <c>involvedObject</c>.</summary>
public sealed record EventTarget(ObjectRef Object, string ApiVersion, string? Uid, string? ResourceVersion)
{
    /// <summary>Builds the reference from the object as the cache holds it.</summary>
    public static EventTarget From(ObjectRef @object, string? apiVersion, V1ObjectMeta? metadata) =>
        new(@object, apiVersion ?? DefaultApiVersion(@object.Kind), metadata?.Uid, metadata?.ResourceVersion);

    public V1ObjectReference ToReference() => new()
    {
        ApiVersion = ApiVersion,
        Kind = Object.KindName,
        NamespaceProperty = Object.Namespace,
        Name = Object.Name,
        Uid = Uid,
        ResourceVersion = ResourceVersion,
    };

    private static string DefaultApiVersion(ObjectKind kind) => kind switch
    {
        ObjectKind.Service => "v1",
        ObjectKind.Ingress => "networking.k8s.io/v1",
        ObjectKind.HttpRoute or ObjectKind.GrpcRoute => "gateway.networking.k8s.io/v1",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an audited kind."),
    };
}
