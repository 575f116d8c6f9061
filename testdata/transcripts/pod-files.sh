# What a container sees: resolv.conf, hosts, hostname and the Service
# variables taken when it started.
kubectl apply -f app.yaml
kubectl exec client -- cat /etc/resolv.conf
kubectl exec client -- cat /etc/hosts
kubectl exec client -- hostname
kubectl exec client -- env
