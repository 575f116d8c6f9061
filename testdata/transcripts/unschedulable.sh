# Pods no node fits stay Pending; the scheduler says why in a FailedScheduling event
# (one reason per node, counted and sorted, then what preemption found). A node that
# gains the label takes the first pod.
kubectl apply -f unschedulable.yaml
sleep 10
kubectl get pods
kubectl describe pod picky
kubectl get events --field-selector reason=FailedScheduling
kubectl logs tolerant
kubectl label node kind-worker2 disktype=ssd
sleep 5
kubectl get pods -o wide
kubectl describe pod picky | tail -6
