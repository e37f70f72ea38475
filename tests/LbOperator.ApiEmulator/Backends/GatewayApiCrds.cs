namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// Finds the CRD manifests (Gateway API, policy reports) in <c>shared/crds</c> beside the repository root (<c>../shared/crds</c>),
/// also from a git worktree nested deeper, by walking up from the test binaries.
/// </summary>
public static class GatewayApiCrds
{
    public static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "crds");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/crds directory beside the repository root; the Gateway API CRDs cannot be installed.");
    }

    /// <summary>The Gateway API CRD manifests (<c>gateway-api-*.yaml</c>), so other CRDs there stay uninstalled until asked for.</summary>
    public static IReadOnlyList<string> Files() => Files("gateway-api-");

    /// <summary>The CRD manifests whose file name starts with <paramref name="prefix"/>, e.g. a group such as <c>wgpolicyk8s.io</c>.</summary>
    public static IReadOnlyList<string> Files(string prefix) =>
        System.IO.Directory.GetFiles(Directory(), prefix + "*.yaml").Order(StringComparer.Ordinal).ToList();
}
