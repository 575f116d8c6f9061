# Shells in pods: kubectl exec -it and kubectl run -it --rm, as a learner debugs a Service.
kubectl apply -f app.yaml
kubectl exec -it client -- sh
cat /etc/resolv.conf
nslookup web
wget -qO- http://web/
exit
kubectl run tmp --rm -it --image=busybox:1.36 --restart=Never -- sh
nslookup web.default.svc.cluster.local
wget -qO- http://web/
exit
kubectl run once --rm -i --image=busybox:1.36 --restart=Never -- wget -qO- http://web/
kubectl get pods
