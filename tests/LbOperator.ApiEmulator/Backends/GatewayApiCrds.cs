namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// Finds the Gateway API CRD manifests in <c>shared/crds</c> beside the repository root (<c>../shared/crds</c>),
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

    public static IReadOnlyList<string> Files() =>
        System.IO.Directory.GetFiles(Directory(), "*.yaml").Order(StringComparer.Ordinal).ToList();
}
