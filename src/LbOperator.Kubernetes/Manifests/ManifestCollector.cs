using System.Text.Json;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Receives what the readers find in the inputs: decodes objects of the kinds the analysis reads, counts
/// the others as skipped, and keeps every input error and note with its place.
/// </summary>
internal sealed class ManifestCollector(ManifestReadOptions options)
{
    public ManifestReadOptions Options => options;

    public List<ManifestObject> Objects { get; } = [];

    public List<SkippedDocument> Skipped { get; } = [];

    public List<InputDiagnostic> Diagnostics { get; } = [];

    /// <summary>Decodes one object from its own JSON text.</summary>
    /// <param name="locate">Turns a decoding error's position in <paramref name="json"/> into a line and column of the input.</param>
    public void Add(string? apiVersion, string? kind, SourceLocation source, ReadOnlySpan<byte> json, Func<JsonException, (int Line, int Column)> locate)
    {
        if (Resolve(apiVersion, kind, source) is not { } row)
        {
            return;
        }

        try
        {
            Accept(ObjectDecoder.Decode(json, row.Model), row, source);
        }
        catch (JsonException ex)
        {
            var (line, column) = locate(ex);
            Error(source.File, line, column, ObjectDecoder.Describe(row.Kind, ex));
        }
    }

    /// <summary>
    /// Decodes one object straight from a reader standing on its start; the reader ends on its end, also
    /// after a decoding error. A syntax error is not the object's: it is thrown for the whole text.
    /// </summary>
    public void Add(string? apiVersion, string? kind, SourceLocation source, ref Utf8JsonReader reader)
    {
        if (Resolve(apiVersion, kind, source) is not { } row)
        {
            reader.Skip();
            return;
        }

        var start = reader;
        try
        {
            Accept(ObjectDecoder.Decode(ref reader, row.Model), row, source);
        }
        catch (JsonException ex)
        {
            reader = start;
            reader.Skip();

            // The serializer reads the object as a value of its own, so the error's line counts from the object's first line.
            var line = source.Line + (int)(ex.LineNumber ?? 0);
            var column = ex.LineNumber is null or 0 ? source.Column + (int)(ex.BytePositionInLine ?? 0) : (int)(ex.BytePositionInLine ?? 0) + 1;
            Error(source.File, line, column, ObjectDecoder.Describe(row.Kind, ex));
        }
    }

    public void Error(string file, int line, int column, string message) =>
        Diagnostics.Add(InputDiagnostic.Error(file, line, column, message));

    public void Note(string file, int line, int column, string message) =>
        Diagnostics.Add(InputDiagnostic.Note(file, line, column, message));

    private ManifestKind? Resolve(string? apiVersion, string? kind, SourceLocation source)
    {
        var row = ManifestKinds.Find(apiVersion, kind);
        if (row is null)
        {
            Skipped.Add(new SkippedDocument(apiVersion, kind, source));
        }

        return row;
    }

    private void Accept(IKubernetesObject<V1ObjectMeta> value, ManifestKind row, SourceLocation source)
    {
        if (string.IsNullOrEmpty(value.Metadata?.Name))
        {
            Error(source.File, source.Line, source.Column, $"{row.Kind} has no metadata.name");
            return;
        }

        if (row.Namespaced && string.IsNullOrEmpty(value.Metadata.NamespaceProperty))
        {
            value.Metadata.NamespaceProperty = options.DefaultNamespace;
        }

        value.ApiVersion ??= row.ApiVersion;
        value.Kind ??= row.Kind;
        Objects.Add(new ManifestObject(value, source));
    }
}
