namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Loads manifests from the paths given to <c>lb-operator check -f</c>: files (several documents or a
/// <c>kind: List</c>), directories read recursively for *.yaml, *.yml and *.json, and <c>-</c> for stdin.
/// Every failure is a <see cref="ManifestException"/> naming the file and, when known, the line.
/// </summary>
public static class ManifestLoader
{
    public const string StdinPath = "-";

    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    public static ManifestSet Load(IEnumerable<string> paths, TextReader stdin)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(stdin);
        var objects = new List<ManifestObject>();
        var skipped = new List<SkippedDocument>();
        var stdinRead = false;
        foreach (var path in paths)
        {
            if (path == StdinPath)
            {
                if (!stdinRead)
                {
                    YamlManifestReader.Read(stdin.ReadToEnd(), SourceLocation.StdinName, objects, skipped);
                    stdinRead = true;
                }
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in ManifestFilesUnder(path))
                {
                    YamlManifestReader.Read(ReadFile(file), file, objects, skipped);
                }
            }
            else
            {
                YamlManifestReader.Read(ReadFile(path), path, objects, skipped);
            }
        }

        return new ManifestSet(objects, skipped);
    }

    /// <summary>Reads one text already in memory; <paramref name="file"/> is the name used in locations and errors.</summary>
    public static ManifestSet LoadText(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var objects = new List<ManifestObject>();
        var skipped = new List<SkippedDocument>();
        YamlManifestReader.Read(text, file, objects, skipped);
        return new ManifestSet(objects, skipped);
    }

    private static IEnumerable<string> ManifestFilesUnder(string directory)
    {
        try
        {
            return Directory
                .EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(file => ManifestExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(directory, null, $"cannot read directory: {ex.Message}", ex);
        }
    }

    private static string ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ManifestException(path, null, "no such file or directory");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(path, null, $"cannot read file: {ex.Message}", ex);
        }
    }
}
