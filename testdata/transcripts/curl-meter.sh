# curl's progress meter goes to stderr only when curl's stdout is not a terminal
# (src/tool_operate.c): kubectl exec without -t, a pipe, a redirect; -s always hides it.
kubectl apply -f app.yaml
kubectl exec client -- curl http://web/
kubectl exec -it client -- curl http://web/
kubectl exec client -- curl -v http://web/
kubectl exec -it client -- curl -v http://web/
kubectl exec client -- curl -m 2 http://web:8080/
kubectl exec -it client -- sh
curl http://web/
curl http://web/ | wc -c
curl http://web/ >/dev/null
curl -s http://web/ >/dev/null
exit
docker exec kind-worker curl localhost:10249/proxyMode
docker exec -it kind-worker curl localhost:10249/proxyMode
curl -i http://172.18.0.3:10256/healthz
curl -sSf http://172.18.0.3:10256/metrics
kubectl exec client -- curl -s -o /dev/null -w '%{http_code}\n' http://web/
kubectl exec -it client -- curl -o /dev/null http://web/
