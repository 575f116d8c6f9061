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
  /** Before each line: bash's "$", or the prompt of a pod shell the terminal is attached to. */
  prompt: string;
  lineEntered(line: string): void;
  outputReceived(text: string, failed: boolean, prompt?: string): void;
  cleared(): void;
  /** Ctrl+C at the prompt: the line typed so far is dropped, shown with "^C" as a terminal does. */
  lineCancelled(line: string): void;
  /** A new session (load, reset, share link) starts at bash's prompt. */
  promptReset(): void;
  /** Text put on the input line for the learner to run (a lesson's command chip); `n` makes each paste new. */
  paste: { text: string; n: number } | null;
  pasted(text: string): void;
}

const MAX_LINES = 2000;
let nextId = 1;

export const useTerminalStore = create<TerminalState>()((set) => ({
  lines: [],
  history: [],
  busy: false,
  prompt: '$',
  lineEntered: (line) =>
    set((s) => ({
      lines: [...s.lines, { id: nextId++, kind: 'input' as const, text: `${s.prompt} ${line}` }].slice(-MAX_LINES),
      history: line.trim() && s.history[s.history.length - 1] !== line ? [...s.history, line] : s.history,
      busy: true,
    })),
  outputReceived: (text, failed, prompt) =>
    set((s) => ({
      lines: text ? [...s.lines, { id: nextId++, kind: failed ? ('error' as const) : ('output' as const), text }].slice(-MAX_LINES) : s.lines,
      busy: false,
      prompt: prompt ?? s.prompt,
    })),
  cleared: () => set({ lines: [] }),
  lineCancelled: (line) => set((s) => ({ lines: [...s.lines, { id: nextId++, kind: 'input' as const, text: `${s.prompt} ${line}^C` }].slice(-MAX_LINES) })),
  promptReset: () => set({ prompt: '$' }),
  paste: null,
  pasted: (text) => set((s) => ({ paste: { text, n: (s.paste?.n ?? 0) + 1 } })),
}));
