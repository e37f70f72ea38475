using k8s;
using k8s.Models;
using LbOperator.Operator.Events;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LbOperator.Webhook.Events;

/// <summary>
/// Writes admission Events through the operator's rate-limited, retried write path. Every replica
/// serves the webhook, so the replica that answered writes the Event (no leader needed); the same
/// reason and message on the same object is written at most once per <see cref="RepeatWindow"/>.
/// </summary>
public sealed partial class AdmissionEventWriter(
    AdmissionEventQueue queue,
    IKubernetes kubernetes,
    IApiWriteGate writeGate,
    EventSource source,
    OperatorMetrics metrics,
    TimeProvider time,
    ILogger<AdmissionEventWriter> logger) : BackgroundService
{
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(1);
    private const int MaxMessageLength = 1024;

    private readonly Dictionary<string, DateTimeOffset> recent = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var admissionEvent in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await WriteAsync(admissionEvent, stoppingToken);
        }
    }

    internal async Task WriteAsync(AdmissionEvent admissionEvent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = $"{admissionEvent.Object.Ref}|{admissionEvent.Reason}|{admissionEvent.Message}";
        if (recent.TryGetValue(key, out var last) && now - last < RepeatWindow)
        {
            return;
        }

        Forget(now);
        recent[key] = now;
        var target = admissionEvent.Object;
        var body = new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = target.Ref.Name + ".", NamespaceProperty = target.Ref.Namespace },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = target.ApiVersion,
                Kind = target.Ref.KindName,
                Name = target.Ref.Name,
                NamespaceProperty = target.Ref.Namespace,
                Uid = target.Uid,
            },
            Type = "Warning",
            Reason = admissionEvent.Reason,
            Message = admissionEvent.Message.Length <= MaxMessageLength ? admissionEvent.Message : admissionEvent.Message[..(MaxMessageLength - 1)] + "…",
            Source = new V1EventSource { Component = source.Component },
            ReportingComponent = source.Component,
            ReportingInstance = source.Instance,
            FirstTimestamp = now.UtcDateTime,
            LastTimestamp = now.UtcDateTime,
            Count = 1,
        };
        try
        {
            await writeGate.ExecuteAsync(
                "create-event",
                ct => kubernetes.CoreV1.CreateNamespacedEventAsync(body, target.Ref.Namespace, cancellationToken: ct),
                cancellationToken);
            metrics.EventsEmitted.WithLabels(admissionEvent.Reason).Inc();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogWriteFailed(admissionEvent.Reason, target.Ref.ToString(), e.Message);
        }
    }

    private void Forget(DateTimeOffset now)
    {
        if (recent.Count < 1024)
        {
            return;
        }

        foreach (var (key, at) in recent.ToList())
        {
            if (now - at >= RepeatWindow)
            {
                recent.Remove(key);
            }
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Could not write the {Reason} Event on {Object}: {Error}")]
    private partial void LogWriteFailed(string reason, string @object, string error);
}
