using System.Globalization;
using LbOperator.Core.Analysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LbOperator.Check;

/// <summary>
/// <c>.lb-operator.yaml</c>: defaults for <c>check</c> kept next to the manifests. Found in the working
/// directory or the nearest parent, or named with <c>--config</c>. Flags win over it. An unknown key is
/// an error, so that a typo never silently turns a setting off.
/// </summary>
internal sealed record CheckConfigFile(
    string Path,
    double? WarnSkew,
    double? MaxSkew,
    Severity? FailOn,
    IReadOnlyList<string> IgnoreRules,
    IReadOnlyList<string> Exclude,
    string? Namespace,
    string? LoadBalancer = null)
{
    public const string FileName = ".lb-operator.yaml";

    private static readonly string[] Keys = ["warnSkew", "maxSkew", "failOn", "ignoreRules", "exclude", "namespace", "loadBalancer"];

    /// <summary>The nearest <see cref="FileName"/> from <paramref name="directory"/> upward, or null.</summary>
    public static string? Find(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = System.IO.Path.Combine(current.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <exception cref="FormatException">The file cannot be read, or has an unknown key or a bad value; the message is one line.</exception>
    public static CheckConfigFile Load(string path)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            root = stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode as YamlMappingNode
                ?? throw new FormatException($"{path}: expected a mapping of settings");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{path}: cannot read: {ex.Message}", ex);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}:{ex.Start.Line}:{ex.Start.Column}: {ex.Message}", ex);
        }

        var config = new CheckConfigFile(path, null, null, null, [], [], null);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var where = $"{path}:{keyNode.Start.Line}:{keyNode.Start.Column}";
            config = key switch
            {
                "warnSkew" => config with { WarnSkew = Number(value, where, key) },
                "maxSkew" => config with { MaxSkew = Number(value, where, key) },
                "failOn" => config with { FailOn = SeverityNames.Parse(Text(value, where, key)) ?? throw new FormatException($"{where}: failOn must be error, warning or info") },
                "ignoreRules" => config with { IgnoreRules = List(value, where, key) },
                "exclude" => config with { Exclude = List(value, where, key) },
                "namespace" => config with { Namespace = Text(value, where, key) },
                "loadBalancer" => config with { LoadBalancer = Text(value, where, key) },
                _ => throw new FormatException($"{where}: unknown key '{key}' (known: {string.Join(", ", Keys)})"),
            };
        }

        return config;
    }

    private static string Text(YamlNode node, string where, string key) =>
        node is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw new FormatException($"{where}: {key} must be a value");

    private static double Number(YamlNode node, string where, string key) =>
        double.TryParse(Text(node, where, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{where}: {key} must be a number");

    private static string[] List(YamlNode node, string where, string key) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(item => Text(item, where, key)).ToArray(),
        YamlScalarNode { Value: { Length: > 0 } single } => [single],
        _ => throw new FormatException($"{where}: {key} must be a list"),
    };
}
