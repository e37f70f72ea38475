using LbOperator.ApiEmulator.Resources;

namespace LbOperator.ApiEmulator.Selection;

/// <summary>
/// The field labels kube-apiserver 1.32 accepts in a <c>fieldSelector</c>, per resource; any other
/// field is a 400 "field label not supported", as on the real server. Checked against kube-apiserver
/// v1.32.13 (see <c>EmulatorFidelityTests</c>, which runs the same requests on both).
/// </summary>
public static class SelectableFields
{
    private static readonly string[] Metadata = ["metadata.name", "metadata.namespace"];

    private static readonly string[] CoreEvent =
    [
        "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
        "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type",
    ];

    private static readonly string[] EventV1 =
    [
        "regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "regarding.apiVersion",
        "regarding.resourceVersion", "regarding.fieldPath", "reason", "reportingController", "type",
    ];

    public static bool Supports(ApiResource resource, string field) =>
        Metadata.Contains(field) || Specific(resource).Contains(field);

    private static string[] Specific(ApiResource resource) => resource.Name switch
    {
        "services" => ["spec.clusterIP", "spec.type"],
        "nodes" => ["spec.unschedulable"],
        "namespaces" => ["status.phase"],
        "events" => CoreEvent,
        "events.events.k8s.io" => EventV1,
        _ => [],
    };
}
