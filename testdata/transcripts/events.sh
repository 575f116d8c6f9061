# Events: what the controllers, the scheduler and the kubelet report, and describe's Events.
kubectl apply -f readiness.yaml
sleep 20
kubectl get events --field-selector involvedObject.kind!=Node
kubectl get events -o wide --field-selector type=Warning
kubectl describe deploy web
kubectl describe rs
kubectl scale deployment web --replicas=1
kubectl get events --field-selector reason=ScalingReplicaSet
kubectl describe pod web
