using System.Text.Json;

namespace LbOperator.Webhook.Admission;

/// <summary>
/// Validates the AdmissionReview envelope by hand so that every kind of bad input gets a message that
/// names the offending field instead of a serializer exception.
/// </summary>
public static class AdmissionReviewReader
{
    public const string ApiVersion = "admission.k8s.io/v1";
    public const string Kind = "AdmissionReview";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public static AdmissionReadResult Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return AdmissionReadResult.Failure("the request body is empty; expected an admission.k8s.io/v1 AdmissionReview");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            return AdmissionReadResult.Failure($"the request body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            try
            {
                return ReadReview(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // The parser accepts strings with invalid UTF-8 and only fails when one is read.
                return AdmissionReadResult.Failure("the request body contains a string that is not valid UTF-8");
            }
        }
    }

    private static AdmissionReadResult ReadReview(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return AdmissionReadResult.Failure($"the request body must be a JSON object (an AdmissionReview), not {Describe(root.ValueKind)}");
        }

        var apiVersion = OptionalString(root, "apiVersion", out var error);
        if (error is not null || apiVersion != ApiVersion)
        {
            return AdmissionReadResult.Failure($"apiVersion must be {ApiVersion} (got {Quote(root, "apiVersion")})");
        }

        var kind = OptionalString(root, "kind", out error);
        if (error is not null || kind != Kind)
        {
            return AdmissionReadResult.Failure($"kind must be {Kind} (got {Quote(root, "kind")})");
        }

        if (!root.TryGetProperty("request", out var request) || request.ValueKind == JsonValueKind.Null)
        {
            return AdmissionReadResult.Failure("the AdmissionReview has no request");
        }

        if (request.ValueKind != JsonValueKind.Object)
        {
            return AdmissionReadResult.Failure($"request must be an object, not {Describe(request.ValueKind)}");
        }

        return ReadRequest(request);
    }

    private static AdmissionReadResult ReadRequest(JsonElement request)
    {
        var uid = OptionalString(request, "uid", out var error);
        if (error is not null || string.IsNullOrEmpty(uid))
        {
            return AdmissionReadResult.Failure("request.uid must be a non-empty string");
        }

        if (!request.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.Object)
        {
            return AdmissionReadResult.Failure("request.kind must be an object with group, version and kind");
        }

        var group = OptionalString(kindElement, "group", out var groupError) ?? string.Empty;
        var version = OptionalString(kindElement, "version", out var versionError);
        var kind = OptionalString(kindElement, "kind", out var kindError);
        if (groupError is not null || versionError is not null || kindError is not null || string.IsNullOrEmpty(version) || string.IsNullOrEmpty(kind))
        {
            return AdmissionReadResult.Failure("request.kind must have string fields group, version and kind");
        }

        var operation = OptionalString(request, "operation", out error);
        if (error is not null || string.IsNullOrEmpty(operation))
        {
            return AdmissionReadResult.Failure("request.operation must be a non-empty string");
        }

        var @namespace = OptionalString(request, "namespace", out var namespaceError);
        var name = OptionalString(request, "name", out var nameError);
        error = namespaceError ?? nameError;
        var obj = OptionalObject(request, "object", ref error);
        var oldObject = OptionalObject(request, "oldObject", ref error);
        var dryRun = OptionalBool(request, "dryRun", ref error);
        if (error is not null)
        {
            return AdmissionReadResult.Failure(error);
        }

        return AdmissionReadResult.Success(new AdmissionRequest(
            uid, new GroupVersionKind(group, version, kind), operation, NullIfEmpty(@namespace), NullIfEmpty(name), obj, oldObject, dryRun));
    }

    private static string? OptionalString(JsonElement parent, string property, out string? error)
    {
        error = null;
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            error = $"request.{property} must be a string, not {Describe(value.ValueKind)}";
            return null;
        }

        return value.GetString();
    }

    private static JsonElement? OptionalObject(JsonElement parent, string property, ref string? error)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            error ??= $"request.{property} must be an object, not {Describe(value.ValueKind)}";
            return null;
        }

        return value.Clone();
    }

    private static bool OptionalBool(JsonElement parent, string property, ref string? error)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                error ??= $"request.{property} must be true or false, not {Describe(value.ValueKind)}";
                return false;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Quote(JsonElement parent, string property)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "nothing";
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Describe(value.ValueKind);
        }

        var text = value.GetString() ?? string.Empty;
        return text.Length <= 60 ? $"'{text}'" : $"'{text[..60]}…'";
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
