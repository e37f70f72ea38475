namespace LbOperator.Core.Model;

/// <summary>The kinds of object that carry a load-balancing entry point and so get audited.</summary>
public enum ObjectKind
{
    Service,
    Ingress,
    HttpRoute,
    GrpcRoute,
}
