# Mistakes a learner makes, answered in the real tools' words.
kubectl apply -f app.yaml
kubectl get pods nope
kubectl get svc nope web
kubectl get endpoints nope
kubectl get foo
kubectl get
kubectl get pods -o foo
kubectl get pods --bogus
kubectl get pods -x
kubectl get pods --namespace
kubectl gett pods
kubectl zzzzzz
kubectl exec nope -- ls
kubectl exec client ls
kubectl exec client
kubectl exec client -- foo
kubectl exec client -- cat /nope
kubectl apply
kubectl apply -f missing.yaml
kubectl create -f services.yaml
kubectl apply -f services.yaml
kubectl delete svc nope
kubectl delete
kubectl scale deployment nope --replicas=1
kubectl scale deployment web --replicas=-1
kubectl scale deployment web
foo --help
docker exec nope iptables-save
docker exec kind-worker foo
