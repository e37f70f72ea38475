using System.Globalization;
using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace LbOperator.Runtime.Events;

/// <summary>
/// The three Event calls the recorder makes, all through the API write gate (token bucket, retries on
/// 429/5xx): create, merge-patch the count, and list what this component wrote before.
/// </summary>
internal sealed class EventApi(IKubernetes client, IApiWriteGate gate, EventSource source)
{
    private const int PageSize = 500;

    public EventSource Source => source;

    public Task CreateAsync(EventTarget target, string type, string reason, string message, EventDecision decision, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var body = new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta { Name = decision.Name, NamespaceProperty = target.Object.Namespace },
            InvolvedObject = target.ToReference(),
            Type = type,
            Reason = reason,
            Message = message,
            Source = new V1EventSource { Component = source.Component },
            ReportingComponent = source.Component,
            ReportingInstance = source.Instance,
            FirstTimestamp = decision.FirstTimestamp.UtcDateTime,
            LastTimestamp = now.UtcDateTime,
            Count = decision.Count,
        };
        return gate.ExecuteAsync("events.create",
            ct => client.CoreV1.CreateNamespacedEventAsync(body, target.Object.Namespace, cancellationToken: ct), cancellationToken);
    }

    /// <summary>Bumps count and lastTimestamp of the existing Event; false when the API server no longer has it (Events expire).</summary>
    public async Task<bool> TryPatchAsync(EventTarget target, string message, EventDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var patch = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["count"] = decision.Count,
            ["lastTimestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["message"] = message,
        });
        try
        {
            await gate.ExecuteAsync("events.patch",
                ct => client.CoreV1.PatchNamespacedEventAsync(
                    new V1Patch(patch, V1Patch.PatchType.MergePatch), decision.Name, target.Object.Namespace, cancellationToken: ct),
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException error) when (error.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// Every Event this component wrote in <paramref name="namespaces"/> (all namespaces when empty), by the
    /// API server's <c>reportingComponent</c> field selector, page by page.
    /// </summary>
    public async Task<IReadOnlyList<Corev1Event>> ListOwnAsync(IReadOnlyCollection<string> namespaces, CancellationToken cancellationToken)
    {
        var selector = $"reportingComponent={source.Component}";
        var events = new List<Corev1Event>();
        foreach (var ns in namespaces.Count == 0 ? [null] : namespaces.Select(name => (string?)name))
        {
            string? next = null;
            do
            {
                var page = await gate.ExecuteAsync("events.list",
                    ct => ns is null
                        ? client.CoreV1.ListEventForAllNamespacesAsync(continueParameter: next, fieldSelector: selector, limit: PageSize, cancellationToken: ct)
                        : client.CoreV1.ListNamespacedEventAsync(ns, continueParameter: next, fieldSelector: selector, limit: PageSize, cancellationToken: ct),
                    cancellationToken).ConfigureAwait(false);
                events.AddRange(page.Items);
                next = page.Metadata?.ContinueProperty;
            }
            while (!string.IsNullOrEmpty(next));
        }

        return events;
    }
}
