using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Moq;

namespace LbOperator.Operator.Tests.Fakes;

/// <summary>The Events part of the core/v1 API on a Moq seam: records creates and merge patches, can answer 404 or fail.</summary>
internal sealed class RecordingEventApi
{
    private readonly Mock<ICoreV1Operations> _core = new(MockBehavior.Strict);

    public RecordingEventApi()
    {
        _core
            .Setup(core => core.CreateNamespacedEventWithHttpMessagesAsync(
                It.IsAny<Corev1Event>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<bool?>(), It.IsAny<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), It.IsAny<CancellationToken>()))
            .Returns((Corev1Event body, string ns, string _, string _, string _, bool? _, IReadOnlyDictionary<string, IReadOnlyList<string>> _, CancellationToken _) =>
            {
                if (FailWith is { } failure)
                {
                    throw failure;
                }

                Created.Add(body);
                Live.Add(body.Metadata.Name);
                return Task.FromResult(new HttpOperationResponse<Corev1Event> { Body = body });
            });
        _core
            .Setup(core => core.PatchNamespacedEventWithHttpMessagesAsync(
                It.IsAny<V1Patch>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
                It.IsAny<bool?>(), It.IsAny<bool?>(), It.IsAny<IReadOnlyDictionary<string, IReadOnlyList<string>>>(), It.IsAny<CancellationToken>()))
            .Returns((V1Patch patch, string name, string ns, string _, string _, string _, bool? _, bool? _, IReadOnlyDictionary<string, IReadOnlyList<string>> _, CancellationToken _) =>
            {
                if (!Live.Contains(name))
                {
                    throw new HttpOperationException("events not found")
                    {
                        Response = new HttpResponseMessageWrapper(new HttpResponseMessage(HttpStatusCode.NotFound), "{}"),
                    };
                }

                Patches.Add((name, JsonDocument.Parse((string)patch.Content).RootElement.Clone()));
                return Task.FromResult(new HttpOperationResponse<Corev1Event> { Body = new Corev1Event() });
            });
        var client = new Mock<IKubernetes>(MockBehavior.Strict);
        client.Setup(kubernetes => kubernetes.CoreV1).Returns(_core.Object);
        Client = client.Object;
    }

    public IKubernetes Client { get; }

    public List<Corev1Event> Created { get; } = [];

    public List<(string Name, JsonElement Body)> Patches { get; } = [];

    /// <summary>Names the API server still has; remove one to simulate Event expiry.</summary>
    public HashSet<string> Live { get; } = [];

    public Exception? FailWith { get; set; }
}
