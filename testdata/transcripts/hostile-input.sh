# Hostile input answered as the real tools answer it, and the simulator's own limits said as such.
kubectl apply -f app.yaml
# YAML aliases: go-yaml's words, no exception; duplicate keys pass, the last one winning.
kubectl apply -f alias-bomb.yaml
kubectl apply -f unknown-anchor.yaml
kubectl apply -f duplicate-keys.yaml
kubectl get pod dup --show-labels
# Counts the API server bounds.
kubectl apply -f replicas-int32.yaml
kubectl scale deploy web --replicas=-1
kubectl scale deploy web --replicas=lots
kubectl scale deploy web --replicas=2147483648
# Keys named like JavaScript's own are ordinary label keys.
kubectl label pod client constructor=x
kubectl get pods -l constructor -o name
kubectl get pods -l toString -o name
kubectl label pod client __proto__=x
kubectl patch pod client --type=json -p '[{"op":"add","path":"/metadata/__proto__/namespace","value":"kube-system"}]'
kubectl run later --image=nginx
kubectl get pod later -o jsonpath='{.metadata.namespace}{"\n"}'
# Namespaces the API server keeps.
kubectl delete ns default
kubectl delete ns kube-system
# Redirections.
kubectl get pods nope 2>&1 | wc -l
kubectl get pods nope 2>/dev/null
kubectl get ns >/dev/null && echo quiet
kubectl get pods nope &>/dev/null || echo failed quietly
kubectl get ns > ns.txt
# The simulator's limits: loops, time, pods.
for i in $(seq 1 200); do for j in $(seq 1 200); do echo $i; done; done | wc -l
sleep 1e300
kubectl scale deploy web --replicas=100000
kubectl get deploy web
kubectl scale deploy web --replicas=3
