{{- define "shop.web" -}}{{ .Release.Name }}-web{{- end -}}
