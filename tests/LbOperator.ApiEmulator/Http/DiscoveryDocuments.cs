using k8s.Models;
using LbOperator.ApiEmulator.Resources;

namespace LbOperator.ApiEmulator.Http;

/// <summary>
/// The discovery endpoints (<c>/api</c>, <c>/apis</c>, <c>/api/v1</c>, <c>/apis/{group}/{version}</c>,
/// <c>/version</c>), listing only the resources currently served.
/// </summary>
internal sealed class DiscoveryDocuments(Func<ApiResource, bool> isServed)
{
    private static readonly string[] Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"];

    /// <summary>True when <paramref name="path"/> is a discovery path; <paramref name="document"/> is null when it is not served (404).</summary>
    public bool Find(string path, out object? document)
    {
        var isDiscovery = path.TrimEnd('/') is "/version" or "/api" or "/apis" or "/api/v1"
            || (path.StartsWith("/apis/", StringComparison.Ordinal) && path.Trim('/').Count(c => c == '/') == 2);
        document = isDiscovery ? Document(path) : null;
        return isDiscovery;
    }

    private object? Document(string path)
    {
        var served = ApiResourceCatalog.All.Where(isServed).ToList();
        switch (path.TrimEnd('/'))
        {
            case "/version":
                return new VersionInfo { Major = "1", Minor = "34", GitVersion = "v1.34.0-lb-operator-emulator", Platform = "linux/amd64" };
            case "/api":
                return new V1APIVersions { Kind = "APIVersions", Versions = ["v1"], ServerAddressByClientCIDRs = [] };
            case "/apis":
                return new V1APIGroupList
                {
                    Kind = "APIGroupList",
                    ApiVersion = "v1",
                    Groups = served.Where(r => r.Group.Length > 0).GroupBy(r => r.Group).Select(g => new V1APIGroup
                    {
                        Name = g.Key,
                        Versions = g.Select(r => r.Version).Distinct().Select(v => new V1GroupVersionForDiscovery { GroupVersion = $"{g.Key}/{v}", Version = v }).ToList(),
                        PreferredVersion = new V1GroupVersionForDiscovery { GroupVersion = $"{g.Key}/{g.First().Version}", Version = g.First().Version },
                    }).ToList(),
                };
        }

        var groupVersion = path.StartsWith("/api/", StringComparison.Ordinal) ? path[5..]
            : path.StartsWith("/apis/", StringComparison.Ordinal) ? path[6..]
            : null;
        if (groupVersion is null || (path.StartsWith("/apis/", StringComparison.Ordinal) && groupVersion.Count(c => c == '/') != 1))
        {
            return null;
        }

        var resources = served.Where(r => r.ApiVersion == groupVersion).ToList();
        return resources.Count == 0 ? null : new V1APIResourceList
        {
            Kind = "APIResourceList",
            ApiVersion = "v1",
            GroupVersion = groupVersion,
            Resources = resources.Select(r => new V1APIResource
            {
                Name = r.Plural,
                SingularName = r.Kind.ToLowerInvariant(),
                Namespaced = r.Namespaced,
                Kind = r.Kind,
                Verbs = Verbs,
            }).ToList(),
        };
    }
}
