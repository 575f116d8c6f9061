/** The last cluster snapshot the worker sent; the canvas renders only this. */
import { create } from 'zustand';
import type { ClusterSnapshot } from '../../sim/view/snapshot';

interface ClusterState {
  snapshot: ClusterSnapshot | null;
  /** Set when the worker could not start or load the scenario. */
  error: string | null;
  snapshotReceived(snapshot: ClusterSnapshot): void;
  failed(message: string): void;
}

/** Whether the worker has answered the first load, with a cluster or with an error. */
export const clusterAnswered = (s: Pick<ClusterState, 'snapshot' | 'error'>): boolean => s.snapshot !== null || s.error !== null;

export const useClusterStore = create<ClusterState>()((set) => ({
  snapshot: null,
  error: null,
  snapshotReceived: (snapshot) => set({ snapshot, error: null }),
  failed: (error) => set({ error }),
}));
