using LbOperator.ApiEmulator.Resources;

namespace LbOperator.ApiEmulator.Http;

/// <summary>
/// A REST path resolved to a resource. <see cref="Namespace"/> is null for a collection across all
/// namespaces and empty for cluster-scoped resources; <see cref="Name"/> is null for collections.
/// </summary>
internal sealed record ResourcePath(ApiResource Resource, string? Namespace, string? Name)
{
    public static ResourcePath? Parse(string path)
    {
        var segments = path.Trim('/').Split('/');
        var (group, version, rest) = segments switch
        {
            ["api", var v, .. var r] => ("", v, r),
            ["apis", var g, var v, .. var r] => (g, v, r),
            _ => ("", "", Array.Empty<string>()),
        };

        return rest switch
        {
            [var plural] => Resolve(group, version, plural, null, null),
            [var plural, var name] => Resolve(group, version, plural, "", name),
            ["namespaces", var ns, var plural] => Resolve(group, version, plural, ns, null),
            ["namespaces", var ns, var plural, var name] => Resolve(group, version, plural, ns, name),
            _ => null,
        };
    }

    private static ResourcePath? Resolve(string group, string version, string plural, string? @namespace, string? name)
    {
        var resource = ApiResourceCatalog.Find(group, version, plural);
        if (resource is null)
        {
            return null;
        }

        if (!resource.Namespaced)
        {
            return @namespace is null or "" ? new ResourcePath(resource, "", name) : null;
        }

        return @namespace == "" ? null : new ResourcePath(resource, @namespace, name);
    }
}
