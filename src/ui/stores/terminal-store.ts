/** The terminal's scrollback and its command history. */
import { create } from 'zustand';

export interface TerminalLine {
  id: number;
  kind: 'input' | 'output' | 'error';
  text: string;
}

interface TerminalState {
  lines: TerminalLine[];
  history: string[];
  busy: boolean;
  lineEntered(line: string): void;
  outputReceived(text: string, failed: boolean): void;
  cleared(): void;
}

const MAX_LINES = 2000;
let nextId = 1;

export const useTerminalStore = create<TerminalState>()((set) => ({
  lines: [],
  history: [],
  busy: false,
  lineEntered: (line) =>
    set((s) => ({
      lines: [...s.lines, { id: nextId++, kind: 'input' as const, text: `$ ${line}` }].slice(-MAX_LINES),
      history: line.trim() && s.history[s.history.length - 1] !== line ? [...s.history, line] : s.history,
      busy: true,
    })),
  outputReceived: (text, failed) =>
    set((s) => ({
      lines: text ? [...s.lines, { id: nextId++, kind: failed ? ('error' as const) : ('output' as const), text }].slice(-MAX_LINES) : s.lines,
      busy: false,
    })),
  cleared: () => set({ lines: [] }),
}));
