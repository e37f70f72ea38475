using System.Globalization;
using System.Text.Json;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>
/// An ALB action named by an Ingress backend (<c>port.name: use-annotation</c>) in
/// <c>alb.ingress.kubernetes.io/actions.NAME</c>. A forward action with <c>forwardConfig.targetGroups</c> splits
/// traffic by weight (0 to 999, default 1) across Services, the way canary weights do:
/// https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#actions and
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#forward-actions.
/// </summary>
internal sealed record AlbForwardAction(IReadOnlyList<AlbTargetGroup> TargetGroups, IReadOnlyList<string> Problems, string? Unsupported)
{
    public const string UseAnnotation = "use-annotation";
    public const string ActionPrefix = "alb.ingress.kubernetes.io/actions.";
    private const long MaxWeight = 999;

    /// <summary>Null when the Ingress has no such action annotation.</summary>
    public static AlbForwardAction? Of(IngressInfo ingress, string actionName)
    {
        if (!ingress.Annotations.TryGetValue(ActionPrefix + actionName, out var json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var type = root.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
            if (!string.Equals(type, "forward", StringComparison.Ordinal) || !root.TryGetProperty("forwardConfig", out var config)
                || !config.TryGetProperty("targetGroups", out var groups) || groups.ValueKind != JsonValueKind.Array)
            {
                return new([], [], $"action {actionName} is of type {type ?? "(none)"} without forwardConfig.targetGroups");
            }

            var targetGroups = new List<AlbTargetGroup>();
            var problems = new List<string>();
            foreach (var group in groups.EnumerateArray())
            {
                targetGroups.Add(TargetGroup(group, actionName, problems));
            }

            return new(targetGroups, problems, null);
        }
        catch (JsonException)
        {
            return new([], [$"action {actionName} is not valid JSON, so the controller rejects the Ingress"], null);
        }
    }

    private static AlbTargetGroup TargetGroup(JsonElement group, string actionName, List<string> problems)
    {
        var service = group.TryGetProperty("serviceName", out var name) ? name.GetString() : null;
        var port = group.TryGetProperty("servicePort", out var portElement)
            ? portElement.ValueKind == JsonValueKind.Number ? portElement.GetRawText() : portElement.GetString()
            : null;
        var label = service ?? (group.TryGetProperty("targetGroupARN", out var arn) ? arn.GetString() : null) ?? "(unnamed)";
        long weight = 1;
        if (group.TryGetProperty("weight", out var weightElement))
        {
            if (weightElement.ValueKind != JsonValueKind.Number || !weightElement.TryGetInt64(out weight))
            {
                problems.Add($"action {actionName}: weight {weightElement.GetRawText()} of {label} is not a whole number; it is treated as 0");
                weight = 0;
            }
            else if (weight < 0 || weight > MaxWeight)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"action {actionName}: weight {weight} of {label} is outside [0, {MaxWeight}]; it is treated as 0"));
                weight = 0;
            }
        }

        return new AlbTargetGroup(service, port, label, weight);
    }
}

/// <summary>One target group of a forward action: a Service (name and port) or another target group (by ARN).</summary>
internal sealed record AlbTargetGroup(string? ServiceName, string? ServicePort, string Label, long Weight);
