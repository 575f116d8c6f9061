# Issue 12 ("Wrong today"): edges the simulator got wrong, answered as v1.33 on kind answers.
# A malformed clusterIP: validateServiceClusterIPsRelatedFields + apimachinery validation/ip.go.
kubectl apply -f edges-bad-ip.yaml
# The kubelet's port on a node: TLS only (Go's net/http 400 to plain HTTP), anonymous clients refused (401).
curl -s http://172.18.0.3:10250/pods
curl -sk https://172.18.0.3:10250/pods
