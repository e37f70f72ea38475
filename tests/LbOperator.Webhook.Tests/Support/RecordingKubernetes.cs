using System.Collections.Concurrent;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Moq;

namespace LbOperator.Webhook.Tests.Support;

/// <summary>An <see cref="IKubernetes"/> whose only working call is creating core/v1 Events, which it records.</summary>
public sealed class RecordingKubernetes
{
    private readonly TaskCompletionSource<Corev1Event> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordingKubernetes()
    {
        var core = new Mock<ICoreV1Operations>();
        core.Setup(c => c.CreateNamespacedEventWithHttpMessagesAsync(
                It.IsAny<Corev1Event>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<bool?>(), It.IsAny<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), It.IsAny<CancellationToken>()))
            .Returns((Corev1Event body, string ns, string _, string _, string _, bool? _, IReadOnlyDictionary<string, IReadOnlyList<string>> _, CancellationToken _) =>
            {
                Created.Enqueue(body);
                first.TrySetResult(body);
                return Task.FromResult(new HttpOperationResponse<Corev1Event> { Body = body });
            });
        var kubernetes = new Mock<IKubernetes>();
        kubernetes.Setup(k => k.CoreV1).Returns(core.Object);
        Client = kubernetes.Object;
    }

    public IKubernetes Client { get; }

    public ConcurrentQueue<Corev1Event> Created { get; } = new();

    public Task<Corev1Event> FirstEvent => first.Task;
}
