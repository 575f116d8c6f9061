# Containers whose main process ends: a one-shot pod, a crashing pod, sleep N, a bad image name.
kubectl run once --image=busybox:1.36 --restart=Never -- echo hello from a one-shot pod
kubectl run crash --image=busybox:1.36 -- sh -c "echo starting; exit 1"
kubectl run nap --image=busybox:1.36 --restart=Never -- sleep 30
kubectl run bad --image=Nginx
kubectl get pods
kubectl logs once
sleep 5
kubectl get pods
kubectl logs crash
kubectl logs crash -p
kubectl logs nap -p
kubectl exec once -- echo hi
sleep 60
kubectl get pods
kubectl describe pod crash
kubectl get pod crash -o jsonpath='{.status.containerStatuses[0].state}'
kubectl describe pod nap
kubectl describe pod bad
kubectl run b --image=busybox
sleep 20
kubectl get pod b
