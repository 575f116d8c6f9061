# ConfigMaps and Secrets: the kinds, kubectl's creators and printers, and pods that read them.
# k/k pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateSecret), kubectl pkg/cmd/create/
# create_configmap.go and create_secret.go, pkg/printers/internalversion/printers.go (printConfigMap,
# printSecret), kubectl pkg/describe/describe.go, pkg/kubelet/kubelet_pods.go makeEnvironmentVariables,
# pkg/volume/configmap/configmap.go.
kubectl create configmap app-settings --from-literal=mode=fast --from-file=config/app.properties --dry-run=client -o yaml
kubectl create secret generic db --from-literal=password=hunter2 --from-literal=user=admin --dry-run=client -o yaml
kubectl create secret generic db --from-literal=password=hunter2 --from-literal=password=x
kubectl create configmap app-settings --from-literal=mode=fast --from-file=config/app.properties
kubectl get cm app-settings
kubectl describe configmap app-settings
kubectl apply -f config/bad.yaml
kubectl apply -f config/reader.yaml
kubectl get pod reader
kubectl describe pod reader | grep -A4 Events
kubectl apply -f config/app-config.yaml
kubectl get pod reader
kubectl describe pod reader | grep -B1 -A6 "Environment Variables from"
kubectl create secret generic db --from-literal=password=hunter2
kubectl get secrets
kubectl get secret db -o yaml
kubectl describe secret db
kubectl get pod reader
kubectl exec reader -- printenv COLOR PASSWORD CFG_color CFG_size
kubectl exec reader -- ls /etc/config
kubectl exec reader -- cat /etc/config/color
kubectl get events --field-selector involvedObject.name=reader
kubectl delete cm app-settings
kubectl get cm
kubectl get cm -A
kubectl create namespace shop
kubectl get configmaps -n shop
kubectl get cm coredns -n kube-system -o yaml
kubectl describe cm kube-root-ca.crt | head -6
