using k8s;
using k8s.Models;

namespace LbOperator.Chart.Tests.Infrastructure;

/// <summary>The typed objects of one <c>helm template</c> run.</summary>
public sealed class RenderedChart(IReadOnlyList<object> objects)
{
    public IReadOnlyList<object> Objects { get; } = objects;

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T Single<T>() where T : IKubernetesObject<V1ObjectMeta>
    {
        var matches = All<T>().ToList();
        Assert.True(matches.Count == 1, $"expected exactly one {typeof(T).Name}, found {matches.Count}: {Describe()}");
        return matches[0];
    }

    public T Named<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        All<T>().SingleOrDefault(item => item.Metadata.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} named {name}: {Describe()}");

    public string Describe() => string.Join(", ", Objects
        .OfType<IKubernetesObject<V1ObjectMeta>>()
        .Select(item => $"{item.Kind}/{item.Metadata.Name}"));
}
