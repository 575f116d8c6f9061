# The bits of bash people lean on: pipes into grep and wc, ; && ||, loops,
# and sh -c inside a pod.
kubectl apply -f app.yaml
kubectl get pods | grep web | wc -l
kubectl get pods --no-headers | wc -l
kubectl get pods -l app=web -o name
kubectl get svc; echo done
kubectl get pods nope && echo found || echo missing
false || echo recovered
for i in $(seq 1 4); do kubectl exec client -- curl -s http://web/; done
for i in $(seq 1 6); do kubectl exec client -- curl -s http://web/; echo; done | sort | uniq -c
kubectl exec client -- sh -c "hostname; echo hi"
kubectl exec client -- sh -c "foo || echo fallback"
kubectl get pods | head -2
foo
