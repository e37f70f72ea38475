namespace LbOperator.Core.Model;

/// <summary>A networking.k8s.io/v1 IngressClass: the controller that serves its Ingresses.</summary>
/// <param name="IsDefault"><c>ingressclass.kubernetes.io/is-default-class: "true"</c>: Ingresses that name no class belong to it.</param>
public sealed record IngressClassInfo(string Name, string Controller, bool IsDefault);
