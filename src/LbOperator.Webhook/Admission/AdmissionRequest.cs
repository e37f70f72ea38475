using System.Text.Json;

namespace LbOperator.Webhook.Admission;

/// <summary>The parts of an admission.k8s.io/v1 <c>AdmissionRequest</c> the webhook reads.</summary>
/// <param name="Object">The incoming object; absent on DELETE.</param>
/// <param name="OldObject">The stored object on UPDATE and DELETE.</param>
public sealed record AdmissionRequest(
    string Uid,
    GroupVersionKind Kind,
    string Operation,
    string? Namespace,
    string? Name,
    JsonElement? Object,
    JsonElement? OldObject,
    bool DryRun);
