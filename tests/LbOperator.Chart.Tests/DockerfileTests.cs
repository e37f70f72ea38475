using System.Text.RegularExpressions;
using System.Xml.Linq;
using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

/// <summary>
/// No Docker engine runs here, so the image recipe is checked by reading it: the restore stage must
/// copy every project the executable needs, or the first build after adding one breaks.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryLayout.Deploy, "Dockerfile"));

    [Fact]
    public void Restore_stage_copies_every_project_the_executable_references()
    {
        var needed = ProjectClosure(Path.Combine(RepositoryLayout.Root, "src", "LbOperator", "LbOperator.csproj"))
            .Select(path => Path.GetRelativePath(RepositoryLayout.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        var copied = CopiedProjects().Matches(Dockerfile).Select(match => match.Groups["project"].Value).Order(StringComparer.Ordinal);

        Assert.Equal(needed, copied);
    }

    [Fact]
    public void Builds_with_the_sdk_and_runs_on_the_aspnet_runtime()
    {
        var stages = FromLines().Matches(Dockerfile).Select(match => match.Groups["image"].Value).ToList();

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], stages);
    }

    [Fact]
    public void Runs_as_a_numeric_non_root_user_with_the_run_entrypoint()
    {
        var user = UserLine().Matches(Dockerfile).Select(match => match.Groups["uid"].Value).Last();
        var assemblyName = XDocument.Load(Path.Combine(RepositoryLayout.Root, "src", "LbOperator", "LbOperator.csproj"))
            .Descendants("AssemblyName").Single().Value;

        Assert.NotEqual("0", user);
        Assert.Equal("lb-operator", assemblyName);
        Assert.Contains("ENTRYPOINT [\"lb-operator\", \"run\"]", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_user_matches_the_pod_security_context()
    {
        var user = UserLine().Matches(Dockerfile).Select(match => match.Groups["uid"].Value).Last();
        var deployment = File.ReadAllText(Path.Combine(RepositoryLayout.Chart, "templates", "deployment.yaml"));

        Assert.Contains($"runAsUser: {user}", deployment, StringComparison.Ordinal);
    }

    private static HashSet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var relative = (reference.Attribute("Include")?.Value ?? "").Replace('\\', Path.DirectorySeparatorChar);
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, relative)));
            }
        }

        return found;
    }

    [GeneratedRegex(@"^COPY (?<project>src/\S+\.csproj) ", RegexOptions.Multiline)]
    private static partial Regex CopiedProjects();

    [GeneratedRegex(@"^FROM (?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLines();

    [GeneratedRegex(@"^USER (?<uid>\d+)", RegexOptions.Multiline)]
    private static partial Regex UserLine();
}
