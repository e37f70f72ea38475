{{/* Cross-field checks the JSON schema cannot express; included by the Deployment. */}}
{{- define "lb-operator.validate" -}}
{{- if gt (float64 .Values.config.policy.warnSkew) (float64 .Values.config.policy.maxSkew) }}
{{- fail (printf "config.policy.warnSkew (%v) must not exceed config.policy.maxSkew (%v)" .Values.config.policy.warnSkew .Values.config.policy.maxSkew) }}
{{- end }}
{{- $lease := include "lb-operator.timespanSeconds" .Values.config.leaderElection.leaseDuration | int }}
{{- $renew := include "lb-operator.timespanSeconds" .Values.config.leaderElection.renewDeadline | int }}
{{- $retry := include "lb-operator.timespanSeconds" .Values.config.leaderElection.retryPeriod | int }}
{{- if not (and (gt $lease $renew) (gt $renew $retry)) }}
{{- fail "config.leaderElection needs leaseDuration > renewDeadline > retryPeriod" }}
{{- end }}
{{- $both := list }}
{{- range (.Values.config.watchNamespaces | default list) }}
{{- if has . ($.Values.config.excludedNamespaces | default list) }}
{{- $both = append $both . }}
{{- end }}
{{- end }}
{{- if $both }}
{{- fail (printf "config.watchNamespaces and config.excludedNamespaces both contain %s" (join ", " $both)) }}
{{- end }}
{{- $ports := list (int .Values.ports.metrics) (int .Values.ports.health) (int .Values.ports.webhook) }}
{{- if ne (len ($ports | uniq)) 3 }}
{{- fail (printf "ports.metrics, ports.health and ports.webhook must be distinct (got %v)" $ports) }}
{{- end }}
{{- if and .Values.webhook.enabled (eq .Values.webhook.certs.mode "external") }}
{{- $_ := required "webhook.certs.external.caBundle is required when webhook.certs.mode=external: the base64-encoded PEM of the CA that signed the certificate in webhook.certs.external.secretName" .Values.webhook.certs.external.caBundle }}
{{- $_ := include "lb-operator.webhookSecretName" . }}
{{- end }}
{{- end }}
