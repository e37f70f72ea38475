using System.Reflection;

namespace LbOperator.E2E.Infrastructure;

/// <summary>Paths in the repository this suite was built from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Chart => Path.Combine(Root, "charts", "lb-operator");

    /// <summary>The <c>lb-operator</c> executable built from src/LbOperator in the same configuration as this suite.</summary>
    public static string Executable
    {
        get
        {
            var configuration = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "Configuration").Value!;
            var path = Path.Combine(Root, "src", "LbOperator", "bin", configuration, "net10.0", "lb-operator");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/LbOperator first: {path} is missing.", path);
        }
    }

    /// <summary>helm from <c>HELM</c> (the Makefile exports it), else <c>.ci/tools/helm</c>.</summary>
    public static string Helm
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("HELM") is { Length: > 0 } configured ? configured : Path.Combine(Root, ".ci", "tools", "helm");
            return File.Exists(path) ? path : throw new FileNotFoundException($"helm is missing at {path}; run .ci/install-helm or set HELM.", path);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LbOperator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (LbOperator.sln) is not above the test binaries.");
    }
}
