using System.Globalization;
using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Runtime;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Events;

/// <summary>
/// Writes core/v1 Events (what <c>kubectl describe</c> shows) through the API write gate. Only the leader
/// writes; other replicas return <see cref="PublishResult.NotLeader"/>, and the reconciler keeps such
/// Events pending until this replica leads (see <c>PendingEventLifetime</c>).
/// </summary>
public sealed class KubernetesEventPublisher : IEventPublisher
{
    private readonly IKubernetes _client;
    private readonly IApiWriteGate _gate;
    private readonly ILeadership _leadership;
    private readonly TimeProvider _time;
    private readonly EventSource _source;
    private readonly OperatorMetrics _metrics;
    private readonly ILogger<KubernetesEventPublisher> _logger;
    private readonly EventAggregator _aggregator = new();

    public KubernetesEventPublisher(
        IKubernetes client,
        IApiWriteGate gate,
        ILeadership leadership,
        TimeProvider time,
        EventSource source,
        OperatorMetrics metrics,
        ILogger<KubernetesEventPublisher> logger)
    {
        _client = client;
        _gate = gate;
        _leadership = leadership;
        _time = time;
        _source = source;
        _metrics = metrics;
        _logger = logger;
    }

    public async Task<PublishResult> PublishAsync(EventTarget target, string type, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        message = EventMessage.Truncate(message);
        if (!_leadership.IsLeader)
        {
            EventPublisherLog.EventSkipped(_logger, reason, target.Object.ToString(), PublishResult.NotLeader);
            return PublishResult.NotLeader;
        }

        var now = _time.GetUtcNow();
        var plan = _aggregator.Plan(target, type, reason, message, now);
        if (plan.Action == EventPlanAction.Suppress)
        {
            EventPublisherLog.EventSkipped(_logger, reason, target.Object.ToString(), PublishResult.Suppressed);
            return PublishResult.Suppressed;
        }

        var result = PublishResult.Created;
        if (plan.Action == EventPlanAction.Patch)
        {
            if (await TryPatchAsync(target, plan, message, now, cancellationToken).ConfigureAwait(false))
            {
                result = PublishResult.Aggregated;
            }
            else
            {
                EventPublisherLog.EventGone(_logger, plan.Name, target.Object.ToString());
                plan = plan with { Action = EventPlanAction.Create, Name = _aggregator.Rename(target, now) };
            }
        }

        if (plan.Action == EventPlanAction.Create)
        {
            var body = NewEvent(target, type, reason, message, plan, now);
            await _gate.ExecuteAsync(
                "events.create",
                ct => _client.CoreV1.CreateNamespacedEventAsync(body, target.Object.Namespace, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
        }

        _aggregator.Written(target, type, reason, message, plan, now);
        _metrics.EventsEmitted.WithLabels(reason).Inc();
        EventPublisherLog.EventWritten(_logger, reason, target.Object.ToString(), result, plan.Count);
        return result;
    }

    /// <summary>Bumps count and lastTimestamp of the existing Event; false when the API server no longer has it (Events expire).</summary>
    private async Task<bool> TryPatchAsync(EventTarget target, EventPlan plan, string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var patch = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["count"] = plan.Count,
            ["lastTimestamp"] = FormatTime(now),
            ["message"] = message,
        });
        try
        {
            await _gate.ExecuteAsync(
                "events.patch",
                ct => _client.CoreV1.PatchNamespacedEventAsync(
                    new V1Patch(patch, V1Patch.PatchType.MergePatch), plan.Name, target.Object.Namespace, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private Corev1Event NewEvent(EventTarget target, string type, string reason, string message, EventPlan plan, DateTimeOffset now) => new()
    {
        ApiVersion = "v1",
        Kind = "Event",
        Metadata = new V1ObjectMeta { Name = plan.Name, NamespaceProperty = target.Object.Namespace },
        InvolvedObject = target.ToReference(),
        Type = type,
        Reason = reason,
        Message = message,
        Source = new V1EventSource { Component = _source.Component },
        ReportingComponent = _source.Component,
        ReportingInstance = _source.Instance,
        FirstTimestamp = plan.FirstTimestamp.UtcDateTime,
        LastTimestamp = now.UtcDateTime,
        Count = plan.Count,
    };

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
