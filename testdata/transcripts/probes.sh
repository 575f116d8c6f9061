# Liveness and startup probes and resources are kept with the API server's defaults (probe
# counts, requests from limits on pods, canonical quantities) and shown by describe, -o yaml
# and the QoS class. The simulated kubelet acts on readiness probes only.
kubectl apply -f probes.yaml
kubectl describe pod probed
kubectl get pod probed -o jsonpath='{.spec.containers[0].livenessProbe}{"\n"}{.spec.containers[0].resources}{"\n"}{.status.qosClass}{"\n"}'
kubectl describe deploy burst
kubectl get deploy burst -o jsonpath='{.spec.template.spec.containers[0].resources}{"\n"}'
kubectl get pods -l app=burst -o jsonpath='{.items[0].spec.containers[0].resources}{"\n"}{.items[0].status.qosClass}{"\n"}'
