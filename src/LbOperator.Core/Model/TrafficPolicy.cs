namespace LbOperator.Core.Model;

/// <summary>Value of a Service's <c>externalTrafficPolicy</c> or <c>internalTrafficPolicy</c>.</summary>
public enum TrafficPolicy
{
    Cluster,
    Local,
}
