using System.Text;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Loads manifests from the paths given to <c>lb-operator check -f</c>: files (several documents or a
/// <c>kind: List</c>), directories read recursively for *.yaml, *.yml and *.json, and <c>-</c> for stdin.
/// Nothing stops the load: every unreadable path or document becomes an error in the set, and the other
/// inputs are still read.
/// </summary>
public static class ManifestLoader
{
    public const string StdinPath = "-";

    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    public static ManifestSet Load(IEnumerable<string> paths, TextReader stdin, ManifestReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(stdin);
        options ??= ManifestReadOptions.Default;
        var sink = new ManifestCollector(options);
        var excluded = (options.ExcludedPaths ?? []).Select(glob => new PathGlob(glob)).ToArray();
        var stdinRead = false;
        foreach (var path in paths)
        {
            if (path == StdinPath)
            {
                if (!stdinRead)
                {
                    ReadText(stdin.ReadToEnd(), SourceLocation.StdinName, sink);
                    stdinRead = true;
                }
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in ManifestFilesUnder(path, sink).Where(file => !excluded.Any(glob => glob.Matches(file))))
                {
                    ReadFile(file, sink);
                }
            }
            else
            {
                ReadFile(path, sink);
            }
        }

        sink.Flush();
        return new ManifestSet(sink.Objects, sink.Skipped, sink.Diagnostics);
    }

    /// <summary>Reads one text already in memory; <paramref name="file"/> is the name used in locations and errors.</summary>
    public static ManifestSet LoadText(string text, string file, ManifestReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ManifestCollector(options ?? ManifestReadOptions.Default);
        ReadText(text, file, sink);
        sink.Flush();
        return new ManifestSet(sink.Objects, sink.Skipped, sink.Diagnostics);
    }

    private static void ReadText(string text, string file, ManifestCollector sink)
    {
        var lines = new Lazy<string[]>(() => text.Split('\n'));
        if (LooksLikeJson(text) && JsonManifestReader.TryRead(new MemoryStream(Encoding.UTF8.GetBytes(text)), file, sink, mustBeJson: false))
        {
            return;
        }

        YamlManifestReader.Read(text, file, sink, line => line >= 1 && line <= lines.Value.Length ? lines.Value[line - 1] : null);
    }

    private static bool LooksLikeJson(string text)
    {
        var first = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        return first.Length > 0 && first[0] is '{' or '[';
    }

    private static void ReadFile(string path, ManifestCollector sink)
    {
        if (!File.Exists(path))
        {
            sink.Error(path, 0, 0, "no such file or directory");
            return;
        }

        try
        {
            var isJson = string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase);
            if (isJson || StartsLikeJson(path))
            {
                using var json = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
                if (JsonManifestReader.TryRead(json, path, sink, mustBeJson: isJson))
                {
                    return;
                }
            }

            Func<int, string?> lineAt = line => File.ReadLines(path).Skip(line - 1).FirstOrDefault();
            if (new FileInfo(path).Length > 2L * ChunkedYamlReader.PartChars)
            {
                using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
                ChunkedYamlReader.Read(text, path, sink.Options, sink, lineAt);
            }
            else
            {
                YamlManifestReader.Read(File.ReadAllText(path, Encoding.UTF8), path, sink, lineAt);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            sink.Error(path, 0, 0, $"cannot read file: {ex.Message}");
        }
    }

    private static bool StartsLikeJson(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[256];
        return JsonManifestReader.LooksLikeJson(head[..stream.Read(head)]);
    }

    private static IEnumerable<string> ManifestFilesUnder(string directory, ManifestCollector sink)
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
            sink.Error(directory, 0, 0, $"cannot read directory: {ex.Message}");
            return [];
        }
    }
}
