using LbOperator.Core.Model;

namespace LbOperator.Webhook.Tests.Support;

/// <summary>A view whose Service lookups wait for <see cref="Release"/>, to drive the time budget; or throw, to drive internal errors.</summary>
public sealed class BlockingClusterView(IClusterView inner, bool fail = false) : IClusterView, IDisposable
{
    private readonly ManualResetEventSlim released = new();
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a lookup is waiting for <see cref="Release"/>.</summary>
    public Task Entered => entered.Task;

    public IReadOnlyCollection<NodeInfo> Nodes => inner.Nodes;

    public IReadOnlyCollection<IngressInfo> Ingresses => inner.Ingresses;

    public IReadOnlyCollection<ServiceInfo> Services => inner.Services;

    public IReadOnlyCollection<HttpRouteInfo> HttpRoutes => inner.HttpRoutes;

    public void Release() => released.Set();

    public IReadOnlyList<EndpointSliceInfo> GetEndpointSlices(string @namespace, string serviceName)
    {
        if (fail)
        {
            throw new InvalidDataException("cache corrupted");
        }

        entered.TrySetResult();
        released.Wait();
        return inner.GetEndpointSlices(@namespace, serviceName);
    }

    public ServiceInfo? GetService(string @namespace, string name) => inner.GetService(@namespace, name);

    public NodeInfo? GetNode(string name) => inner.GetNode(name);

    public IngressInfo? GetIngress(string @namespace, string name) => inner.GetIngress(@namespace, name);

    public HttpRouteInfo? GetHttpRoute(string @namespace, string name) => inner.GetHttpRoute(@namespace, name);

    public void Dispose() => released.Dispose();
}
