using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LbOperator.Runtime;

/// <summary>
/// Reads one kubeconfig file. KubernetesClient's own reader first builds a YAML type map over every API
/// model it ships, 0.15 s of CPU on the start-up path for a file of a few lines; the kubeconfig models
/// need only their own <c>YamlMember</c> names. Relative certificate and key paths stay relative to the file.
/// </summary>
public static class KubeconfigFile
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <exception cref="KubeConfigException">The file is not a kubeconfig: not YAML, or empty.</exception>
    public static K8SConfiguration Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        K8SConfiguration? configuration;
        try
        {
            using var text = File.OpenText(fullPath);
            configuration = Reader.Deserialize<K8SConfiguration?>(text);
        }
        catch (YamlException error)
        {
            throw new KubeConfigException(
                $"Kubeconfig file '{path}' is not valid YAML (line {error.Start.Line}, column {error.Start.Column}): {(error.InnerException ?? error).Message}");
        }

        if (configuration is null)
        {
            throw new KubeConfigException($"Kubeconfig file '{path}' is empty.");
        }

        configuration.FileName = fullPath;
        return configuration;
    }
}
