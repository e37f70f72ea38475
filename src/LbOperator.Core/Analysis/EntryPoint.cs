using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis;

/// <summary>
/// Where traffic enters: a Service, an Ingress host+path, or an HTTPRoute rule.
/// <paramref name="Name"/> is a stable label: the Service name, <c>host/path</c>, or the rule's name or <c>rule-N</c>.
/// <paramref name="Objects"/> lists every object that shapes it (a main Ingress and its canary).
/// </summary>
public sealed record EntryPoint(ObjectRef Owner, string Name, IReadOnlyList<ObjectRef> Objects);
