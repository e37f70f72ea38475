using System.Text;
using LbOperator.Webhook.Admission;

namespace LbOperator.Webhook.Tests.Admission;

public sealed class AdmissionReviewWriterTests
{
    [Fact]
    public void An_allowed_response_echoes_the_uid_and_omits_status_and_empty_warnings()
    {
        var json = Encoding.UTF8.GetString(AdmissionReviewWriter.ToBytes(new AdmissionResponse("uid-1", true, [], null)));

        Assert.Equal("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"uid-1","allowed":true}}""", json);
    }

    [Fact]
    public void A_denial_carries_status_code_reason_message_and_warnings()
    {
        var response = new AdmissionResponse("uid-2", false, ["LB005: half the pods are not ready"], new AdmissionStatus(403, "Forbidden", "LB001: too hot"));

        var json = Encoding.UTF8.GetString(AdmissionReviewWriter.ToBytes(response));

        Assert.Equal(
            """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"uid-2","allowed":false,"status":{"status":"Failure","code":403,"reason":"Forbidden","message":"LB001: too hot"},"warnings":["LB005: half the pods are not ready"]}}""",
            json);
    }
}
