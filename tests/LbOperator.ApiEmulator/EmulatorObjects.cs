using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using LbOperator.ApiEmulator.Resources;
using LbOperator.ApiEmulator.Storage;

namespace LbOperator.ApiEmulator;

/// <summary>
/// Typed access to the emulator's objects for test setup and assertions. Writes go through the same
/// store as HTTP requests, so they bump resourceVersions and reach open watches, but never hit faults.
/// </summary>
public sealed class EmulatorObjects(ResourceStore store)
{
    /// <summary>Creates the object, or replaces it unconditionally when it exists.</summary>
    public T Apply<T>(T item)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var resource = ResourceOf(item);
        var ns = NamespaceOf(resource, item.Metadata?.NamespaceProperty);
        var body = JsonNode.Parse(KubernetesJson.Serialize(item))!.AsObject();
        if (body["metadata"] is JsonObject metadata)
        {
            metadata.Remove("resourceVersion");
        }

        var stored = store.Get(resource, ns, item.Metadata!.Name) is null
            ? store.Create(resource, ns, body)
            : store.Update(resource, ns, item.Metadata.Name, body);
        return Read<T>(stored);
    }

    public void Delete<T>(string? @namespace, string name)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var resource = ResourceOf(typeof(T));
        store.Delete(resource, NamespaceOf(resource, @namespace), name);
    }

    public T? Get<T>(string? @namespace, string name)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var resource = ResourceOf(typeof(T));
        var stored = store.Get(resource, NamespaceOf(resource, @namespace), name);
        return stored is null ? default : Read<T>(stored);
    }

    /// <summary>All objects of the kind, optionally in one namespace, ordered by namespace and name.</summary>
    public IReadOnlyList<T> List<T>(string? @namespace = null)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var resource = ResourceOf(typeof(T));
        return store.List(resource, @namespace, _ => true).Items.Select(Read<T>).ToList();
    }

    public static ApiResource ResourceOf(Type type)
    {
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
        if (entity is null)
        {
            // Custom resource models without the attribute default apiVersion and kind in their constructor.
            return Activator.CreateInstance(type) is IKubernetesObject sample
                && ApiResourceCatalog.FindByKind(sample.ApiVersion, sample.Kind) is { } byKind
                ? byKind
                : throw new ArgumentException($"{type.Name} has no [KubernetesEntity] attribute and no default apiVersion and kind.");
        }

        return ApiResourceCatalog.Find(entity.Group ?? "", entity.ApiVersion, entity.PluralName)
            ?? throw new ArgumentException($"The emulator does not serve {entity.PluralName} in {entity.Group}/{entity.ApiVersion}.");
    }

    private static ApiResource ResourceOf<T>(T item)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        if (typeof(T).GetCustomAttribute<KubernetesEntityAttribute>() is not null)
        {
            return ResourceOf(typeof(T));
        }

        return ApiResourceCatalog.FindByKind(item.ApiVersion, item.Kind)
            ?? throw new ArgumentException($"The emulator does not serve {item.ApiVersion} {item.Kind}.");
    }

    private static string NamespaceOf(ApiResource resource, string? @namespace) =>
        resource.Namespaced ? (string.IsNullOrEmpty(@namespace) ? "default" : @namespace) : "";

    private static T Read<T>(StoredObject stored) => KubernetesJson.Deserialize<T>(Encoding.UTF8.GetString(stored.Json));
}
