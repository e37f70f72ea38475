namespace LbOperator.Chart.Tests.Infrastructure;

/// <summary>Where the chart, the deploy folder and helm live, found from the test binaries upwards.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Chart => Path.Combine(Root, "charts", "lb-operator");

    public static string Deploy => Path.Combine(Root, "deploy");

    /// <summary>The helm binary: <c>$HELM</c> if set, else the one <c>.ci/install-helm</c> unpacks.</summary>
    public static string Helm
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("HELM");
            var helm = string.IsNullOrWhiteSpace(fromEnvironment)
                ? Path.Combine(Root, ".ci", "tools", "helm")
                : fromEnvironment;
            if (!File.Exists(helm))
            {
                throw new InvalidOperationException(
                    $"helm not found at '{helm}'. Run .ci/install-helm (or `make test`, which runs it) or point HELM at a helm v3/v4 binary.");
            }

            return helm;
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LbOperator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"LbOperator.sln not found above {AppContext.BaseDirectory}.");
    }
}
