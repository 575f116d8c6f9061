# The Service-related steps of kubernetes.io's "StatefulSet Basics" tutorial, retold: a headless
# Service nginx and a StatefulSet web with two replicas, their stable names, hostnames and DNS names.
kubectl apply -f statefulset-web.yaml
kubectl get service nginx
kubectl get statefulset web
kubectl get pods -l app=nginx
kubectl get events --field-selector involvedObject.kind=StatefulSet
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done
kubectl exec web-1 -- hostname -f
kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm
nslookup web-0.nginx
nslookup web-1.nginx
nslookup nginx
exit
kubectl get endpointslices -l kubernetes.io/service-name=nginx
kubectl get pods -o wide -l app=nginx
kubectl delete pod -l app=nginx
kubectl get pods -o wide -l app=nginx
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done
kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm
nslookup web-0.nginx
exit
kubectl scale sts web --replicas=5
kubectl get pods -l app=nginx
kubectl rollout status sts/web
kubectl patch sts web -p '{"spec":{"replicas":3}}'
kubectl get pods -l app=nginx
sleep 30
kubectl get pods -l app=nginx
kubectl get sts web -o wide
kubectl describe sts web
kubectl get pvc -l app=nginx
kubectl delete statefulset web
kubectl delete service nginx
