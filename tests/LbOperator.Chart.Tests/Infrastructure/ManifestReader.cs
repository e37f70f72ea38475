using System.Reflection;
using k8s;

namespace LbOperator.Chart.Tests.Infrastructure;

/// <summary>
/// Splits a multi-document YAML stream and deserializes every document strictly into its typed
/// model: a field the model does not know (a typo, a wrong nesting level) fails the read.
/// </summary>
public static class ManifestReader
{
    private static readonly MethodInfo StrictDeserialize = typeof(KubernetesYaml)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(method => method.Name == nameof(KubernetesYaml.Deserialize) && method.IsGenericMethodDefinition
            && method.GetParameters() is [{ ParameterType: var first }, { ParameterType: var second }]
            && first == typeof(string) && second == typeof(bool));

    public static IReadOnlyList<object> Read(string stream)
    {
        var objects = new List<object>();
        foreach (var document in SplitDocuments(stream))
        {
            var header = KubernetesYaml.Deserialize<KubernetesObject>(document);
            if (header is null || string.IsNullOrEmpty(header.Kind))
            {
                continue;
            }

            var type = KindCatalogue.Resolve(header.ApiVersion, header.Kind);
            try
            {
                objects.Add(StrictDeserialize.MakeGenericMethod(type).Invoke(null, [document, true])
                    ?? throw new InvalidOperationException("empty document"));
            }
            catch (TargetInvocationException error)
            {
                throw new InvalidOperationException(
                    $"{header.ApiVersion}/{header.Kind} does not deserialize strictly into {type.Name}: {error.InnerException?.Message}\n{document}",
                    error.InnerException);
            }
        }

        return objects;
    }

    private static IEnumerable<string> SplitDocuments(string stream)
    {
        var current = new List<string>();
        foreach (var line in stream.Split('\n'))
        {
            if (line.TrimEnd() == "---")
            {
                if (current.Count > 0)
                {
                    yield return string.Join('\n', current);
                }

                current.Clear();
                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            yield return string.Join('\n', current);
        }
    }
}
