using System.Text.Json.Nodes;
using LbOperator.ApiEmulator.Storage;

namespace LbOperator.ApiEmulator.Http;

/// <summary>
/// The <c>Status</c> error body exactly as the API server writes it. Built by hand because
/// KubernetesClient's V1Status converter only reads.
/// </summary>
internal static class StatusBody
{
    public static string Json(ApiStatusException error)
    {
        var body = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = error.Message,
            ["reason"] = error.Reason,
        };
        if (error.DetailsName is not null || error.DetailsKind is not null)
        {
            var details = new JsonObject();
            if (error.DetailsName is not null)
            {
                details["name"] = error.DetailsName;
            }

            if (!string.IsNullOrEmpty(error.DetailsGroup))
            {
                details["group"] = error.DetailsGroup;
            }

            if (error.DetailsKind is not null)
            {
                details["kind"] = error.DetailsKind;
            }

            body["details"] = details;
        }

        body["code"] = error.Code;
        return body.ToJsonString();
    }
}
