using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Mapping;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>Applies world changes to the emulator and reads its objects back as a core view.</summary>
internal static class ScenarioWorld
{
    public static void Apply(KubeApiEmulator emulator, WorldChange change)
    {
        switch (change.Applied)
        {
            case V1Service service: emulator.Objects.Apply(service); break;
            case V1EndpointSlice slice: emulator.Objects.Apply(slice); break;
            case V1Node node: emulator.Objects.Apply(node); break;
            case V1Ingress ingress: emulator.Objects.Apply(ingress); break;
            case HttpRoute route: emulator.Objects.Apply(route); break;
            case null: Delete(emulator, change); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown kind.");
        }
    }

    public static InMemoryClusterView View(KubeApiEmulator emulator) => new(
        emulator.Objects.List<V1Service>().Select(ServiceMapper.Map),
        emulator.Objects.List<V1EndpointSlice>().Select(EndpointSliceMapper.Map).OfType<EndpointSliceInfo>(),
        emulator.Objects.List<V1Node>().Select(NodeMapper.Map),
        emulator.Objects.List<V1Ingress>().Select(IngressMapper.Map),
        emulator.Objects.List<HttpRoute>().Select(HttpRouteMapper.Map));

    private static void Delete(KubeApiEmulator emulator, WorldChange change)
    {
        if (change.Kind == typeof(V1Service) && emulator.Objects.Get<V1Service>(change.Namespace, change.Name) is not null)
        {
            emulator.Objects.Delete<V1Service>(change.Namespace, change.Name);
        }
        else if (change.Kind == typeof(V1EndpointSlice) && emulator.Objects.Get<V1EndpointSlice>(change.Namespace, change.Name) is not null)
        {
            emulator.Objects.Delete<V1EndpointSlice>(change.Namespace, change.Name);
        }
        else if (change.Kind == typeof(V1Node) && emulator.Objects.Get<V1Node>(change.Namespace, change.Name) is not null)
        {
            emulator.Objects.Delete<V1Node>(change.Namespace, change.Name);
        }
        else if (change.Kind == typeof(V1Ingress) && emulator.Objects.Get<V1Ingress>(change.Namespace, change.Name) is not null)
        {
            emulator.Objects.Delete<V1Ingress>(change.Namespace, change.Name);
        }
        else if (change.Kind == typeof(HttpRoute) && emulator.Objects.Get<HttpRoute>(change.Namespace, change.Name) is not null)
        {
            emulator.Objects.Delete<HttpRoute>(change.Namespace, change.Name);
        }
    }
}
