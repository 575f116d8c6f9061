/** "Table view": the canvas's data as accessible tables, for screen readers and for reading closely. */
import { useClusterStore } from '../stores/cluster-store';
import { HopTable } from './hop-table';
import { TopologyTables } from './topology-tables';
import './table-view.css';

export function TableView() {
  const snapshot = useClusterStore((s) => s.snapshot);
  return (
    <section className="pane table-view" role="region" aria-label="Cluster tables">
      <header className="pane__header">
        <h2 className="pane__title">Cluster tables</h2>
        {snapshot && <span className="pane__hint">{snapshot.clusterName} · kube-proxy {snapshot.proxyMode}</span>}
      </header>
      <div className="table-view__body" tabIndex={0} role="group" aria-label="Cluster tables, scrollable">
        <HopTable />
        {snapshot ? <TopologyTables snapshot={snapshot} /> : <p className="table-view__empty">Starting the cluster…</p>}
      </div>
    </section>
  );
}
