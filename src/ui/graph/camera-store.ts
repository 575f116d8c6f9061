/** Whether the camera follows the packet: on for every new trace, off once the learner pans or zooms, back on with "Follow packet". */
import { create } from 'zustand';

interface CameraState {
  follow: boolean;
  userMoved(): void;
  followToggled(): void;
  followReset(): void;
}

export const useCameraStore = create<CameraState>()((set) => ({
  follow: true,
  userMoved: () => set({ follow: false }),
  followToggled: () => set((s) => ({ follow: !s.follow })),
  followReset: () => set({ follow: true }),
}));
