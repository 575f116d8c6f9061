# kubectl edit without an editor (npm run sim): what the builder answers first, then the
# simulator's note that names the commands that change an object without an editor.
# NotFound and the missing-resources text: cli-runtime pkg/resource/builder.go; the printer
# error: kubectl pkg/cmd/util/editor/editoptions.go editPrinterOptions (json and yaml only).
kubectl apply -f app.yaml
kubectl edit svc web
kubectl -n kube-system edit configmap coredns
kubectl edit svc nosuch
kubectl edit
kubectl edit svc web -o name
kubectl edit deploy/web --save-config
kubectl edit svc/web; echo "exit $?"
