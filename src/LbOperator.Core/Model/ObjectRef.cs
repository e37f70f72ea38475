namespace LbOperator.Core.Model;

/// <summary>Identifies an audited object; its string form <c>Kind/namespace/name</c> is the work-queue key.</summary>
public sealed record ObjectRef(ObjectKind Kind, string Namespace, string Name)
{
    /// <summary>The Kubernetes kind as users write it (<c>Service</c>, <c>Ingress</c>, <c>HTTPRoute</c>).</summary>
    public string KindName => Kind switch
    {
        ObjectKind.Service => "Service",
        ObjectKind.Ingress => "Ingress",
        ObjectKind.HttpRoute => "HTTPRoute",
        ObjectKind.GrpcRoute => "GRPCRoute",
        _ => Kind.ToString(),
    };

    public override string ToString() => $"{KindName}/{Namespace}/{Name}";

    /// <summary>Parses the <c>Kind/namespace/name</c> form produced by <see cref="ToString"/>.</summary>
    public static bool TryParse(string key, out ObjectRef? value)
    {
        value = null;
        var parts = key.Split('/');
        if (parts.Length != 3 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        ObjectKind? kind = parts[0] switch
        {
            "Service" => ObjectKind.Service,
            "Ingress" => ObjectKind.Ingress,
            "HTTPRoute" => ObjectKind.HttpRoute,
            "GRPCRoute" => ObjectKind.GrpcRoute,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        value = new ObjectRef(kind.Value, parts[1], parts[2]);
        return true;
    }
}
