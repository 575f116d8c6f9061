import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';

// A person adds `log` and a hosts entry to the Corefile from the terminal, waits for CoreDNS to reload,
// then sees the new answer and the query in CoreDNS's log (coredns plugin/reload, plugin/log, plugin/hosts).
test('a Corefile edit takes effect after the reload, and the log plugin shows the query', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const corefile = '.:53 {\\n    log\\n    errors\\n    hosts {\\n       10.1.2.3 db.internal\\n       fallthrough\\n    }\\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\\n       pods insecure\\n       fallthrough in-addr.arpa ip6.arpa\\n       ttl 30\\n    }\\n    forward . /etc/resolv.conf\\n    reload\\n    loadbalance\\n}\\n';
  await app.run(`kubectl patch configmap coredns -n kube-system --type merge -p '{"data":{"Corefile":"${corefile}"}}'`);
  await expect(app.terminalOutput).toContainText('configmap/coredns patched');
  await app.run('sleep 120');
  await app.run('kubectl exec client -- nslookup db.internal');
  await expect(app.terminalOutput).toContainText('Address: 10.1.2.3');
  await app.run('kubectl logs -n kube-system -l k8s-app=kube-dns --tail=-1');
  await expect(app.terminalOutput).toContainText('[INFO] Reloading complete');
  await expect(app.terminalOutput).toContainText(/\[INFO\] [\d.]+:\d+ - \d+ "A IN db\.internal\. udp 29 false 512" NOERROR qr,aa,rd 56 /);
});
