using System.Text.Json;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Receives what the readers find in the inputs: decodes objects of the kinds the analysis reads, counts
/// the others as skipped, and keeps every input error and note with its place. Each object is mapped for
/// the analysis as it is decoded and its model dropped. Decoding touches no shared state, so readers may
/// decode on several threads and commit in input order.
/// </summary>
internal sealed class ManifestCollector(ManifestReadOptions options)
{
    public ManifestReadOptions Options => options;

    public List<ManifestObject> Objects { get; } = [];

    public List<SkippedDocument> Skipped { get; } = [];

    public List<InputDiagnostic> Diagnostics { get; } = [];

    /// <summary>Decodes one object from its own JSON text and commits it.</summary>
    /// <param name="locate">Turns a decoding error's position in <paramref name="json"/> into a line and column of the input.</param>
    public void Add(string? apiVersion, string? kind, SourceLocation source, ReadOnlySpan<byte> json, Func<JsonException, (int Line, int Column)> locate) =>
        Commit(Decode(apiVersion, kind, source, json, locate));

    /// <summary>Decodes and maps one object without committing it; safe on any thread.</summary>
    public DecodedDocument Decode(string? apiVersion, string? kind, SourceLocation source, ReadOnlySpan<byte> json, Func<JsonException, (int Line, int Column)> locate)
    {
        if (ManifestKinds.Find(apiVersion, kind) is not { } row)
        {
            return new DecodedDocument(apiVersion, kind, source, null, null, null);
        }

        IKubernetesObject<V1ObjectMeta> value;
        try
        {
            value = ObjectDecoder.Decode(json, row.Model);
        }
        catch (JsonException ex)
        {
            var (line, column) = locate(ex);
            return new DecodedDocument(apiVersion, kind, source, row, null, InputDiagnostic.Error(source.File, line, column, ObjectDecoder.Describe(row.Kind, ex)));
        }

        if (string.IsNullOrEmpty(value.Metadata?.Name))
        {
            return new DecodedDocument(apiVersion, kind, source, row, null, InputDiagnostic.Error(source.File, source.Line, source.Column, $"{row.Kind} has no metadata.name"));
        }

        if (row.Namespaced && string.IsNullOrEmpty(value.Metadata.NamespaceProperty))
        {
            value.Metadata.NamespaceProperty = options.DefaultNamespace;
        }

        value.ApiVersion ??= row.ApiVersion;
        value.Kind ??= row.Kind;
        return new DecodedDocument(apiVersion, kind, source, row, ManifestObject.From(value, source), null);
    }

    public void Commit(DecodedDocument document)
    {
        if (document.Error is { } error)
        {
            Diagnostics.Add(error);
        }
        else if (document.Object is { } value)
        {
            Objects.Add(value);
        }
        else
        {
            Skipped.Add(new SkippedDocument(document.ApiVersion, document.Kind, document.Source));
        }
    }

    public void Error(string file, int line, int column, string message) =>
        Diagnostics.Add(InputDiagnostic.Error(file, line, column, message));

    public void Note(string file, int line, int column, string message) =>
        Diagnostics.Add(InputDiagnostic.Note(file, line, column, message));
}

/// <summary>One document decoded and mapped (or not: an unread kind, an error), waiting to be committed in input order.</summary>
internal sealed record DecodedDocument(
    string? ApiVersion, string? Kind, SourceLocation Source, ManifestKind? Row, ManifestObject? Object, InputDiagnostic? Error);
