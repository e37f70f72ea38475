{{/* Chart name, overridable. */}}
{{- define "lb-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Prefix of every resource name. Capped at 52 characters so that derived names such as
`<fullname>-webhook-tls` stay within the 63-character limit.
*/}}
{{- define "lb-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "lb-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "lb-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "lb-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "lb-operator.labels" -}}
helm.sh/chart: {{ include "lb-operator.chart" . }}
{{ include "lb-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: lb-operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "lb-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "lb-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false: name an existing ServiceAccount" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "lb-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{- define "lb-operator.leaseName" -}}
{{- default (include "lb-operator.fullname" .) .Values.config.leaderElection.leaseName }}
{{- end }}

{{/* The Service in front of the webhook and the metrics; the webhook certificate is issued for it. */}}
{{- define "lb-operator.serviceName" -}}
{{- include "lb-operator.fullname" . }}
{{- end }}

{{/* DNS names the webhook serving certificate must cover, one per line. */}}
{{- define "lb-operator.webhookDnsNames" -}}
{{- $svc := include "lb-operator.serviceName" . }}
{{- $svc }}
{{ $svc }}.{{ .Release.Namespace }}
{{ $svc }}.{{ .Release.Namespace }}.svc
{{ $svc }}.{{ .Release.Namespace }}.svc.cluster.local
{{- end }}

{{- define "lb-operator.webhookSecretName" -}}
{{- if eq .Values.webhook.certs.mode "external" }}
{{- required "webhook.certs.external.secretName is required when webhook.certs.mode=external: name a kubernetes.io/tls Secret in the release namespace holding tls.crt and tls.key" .Values.webhook.certs.external.secretName }}
{{- else }}
{{- printf "%s-webhook-tls" (include "lb-operator.fullname" .) }}
{{- end }}
{{- end }}

{{/*
Namespaces the webhook never sees: kube-system, the release namespace (so the operator can always be
repaired), the namespaces the operator does not audit, and any extra ones.
*/}}
{{- define "lb-operator.webhookExcludedNamespaces" -}}
{{- $all := concat (list "kube-system" .Release.Namespace) (.Values.config.excludedNamespaces | default list) (.Values.webhook.excludedNamespaces | default list) | uniq }}
{{- toYaml $all }}
{{- end }}

{{/* Whole seconds in a duration, Go style (`10m`, `1h30m`, `500ms`) or .NET `[d.]hh:mm:ss` (the schema guarantees the shape). */}}
{{- define "lb-operator.timespanSeconds" -}}
{{- $text := toString . }}
{{- if contains ":" $text }}
{{- $days := 0 }}
{{- $clock := $text }}
{{- if regexMatch "^[0-9]+\\." $text }}
{{- $days = regexFind "^[0-9]+" $text | atoi }}
{{- $clock = regexReplaceAll "^[0-9]+\\." $text "" }}
{{- end }}
{{- $hms := splitList ":" (regexReplaceAll "\\.[0-9]+$" $clock "") }}
{{- add (mul $days 86400) (mul (index $hms 0 | atoi) 3600) (mul (index $hms 1 | atoi) 60) (index $hms 2 | atoi) }}
{{- else }}
{{- $millis := 0.0 }}
{{- range regexFindAll "[0-9]+(\\.[0-9]+)?(ms|h|m|s)" $text -1 }}
{{- $unit := regexFind "(ms|h|m|s)$" . }}
{{- $amount := trimSuffix $unit . | float64 }}
{{- $scale := get (dict "h" 3600000.0 "m" 60000.0 "s" 1000.0 "ms" 1.0) $unit }}
{{- $millis = addf $millis (mulf $amount $scale) }}
{{- end }}
{{- divf $millis 1000 | floor | int }}
{{- end }}
{{- end }}
