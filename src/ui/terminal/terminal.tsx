/**
 * The in-browser terminal: every line goes through the simulated shell, its
 * output printed exactly as the shell wrote it, under the echoed `$ line` (or the
 * pod shell's prompt while one is attached). It lives in the bottom dock's first tab.
 */
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { cancelContinuation, completeLine, interruptRun, runLine } from '../app/sim-actions';
import { useTerminalStore } from '../stores/terminal-store';
import { useKubectlEditStore } from '../stores/kubectl-edit-store';
import { useHistory } from './use-history';
import './terminal.css';

/** One trailing newline ends the last line; the next prompt starts a new one anyway. */
const shown = (text: string): string => (text.endsWith('\n') ? text.slice(0, -1) : text);

function commonPrefix(words: string[]): string {
  return words.reduce((p, w) => { let i = 0; while (i < p.length && p[i] === w[i]) i++; return p.slice(0, i); });
}

/** A command that runs this long gets a hint that Ctrl+C ends it. */
const SLOW_MS = 1500;

function useSlow(busy: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) return setSlow(false);
    const t = setTimeout(() => setSlow(true), SLOW_MS);
    return () => clearTimeout(t);
  }, [busy]);
  return slow;
}

export function Terminal() {
  const lines = useTerminalStore((s) => s.lines);
  const history = useTerminalStore((s) => s.history);
  const busy = useTerminalStore((s) => s.busy);
  const prompt = useTerminalStore((s) => s.prompt);
  const [input, setInput] = useState('');
  const hist = useHistory(history);
  const slow = useSlow(busy);
  const out = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  // kubectl edit holds the line until its editor (in the editor pane) saves or cancels.
  const editing = useKubectlEditStore((s) => s.view?.title ?? null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && editing === null) field.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  useEffect(() => {
    out.current?.scrollTo({ top: out.current.scrollHeight });
  }, [lines]);

  const paste = useTerminalStore((s) => s.paste);
  useEffect(() => {
    if (!paste) return;
    setInput(paste.text);
    field.current?.focus();
  }, [paste]);

  /** Several lines pasted (a tutorial's here-document block): each newline is an Enter, as in a real terminal. */
  const onPaste = async (e: ClipboardEvent<HTMLInputElement>): Promise<void> => {
    const text = e.clipboardData.getData('text').replace(/\r\n?/g, '\n');
    if (!text.includes('\n') || busy) return;
    e.preventDefault();
    const el = e.currentTarget;
    const typed = input.slice(0, el.selectionStart ?? input.length) + text + input.slice(el.selectionEnd ?? input.length);
    const lines = typed.split('\n');
    const rest = lines.pop()!;
    setInput(rest);
    hist.reset();
    for (const line of lines) await runLine(line);
  };

  const onKeyDown = async (e: KeyboardEvent<HTMLInputElement>): Promise<void> => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (busy) return;
      const line = input;
      setInput('');
      hist.reset();
      if (line.trim() === 'clear' && prompt !== '>') return useTerminalStore.getState().cleared();
      await runLine(line);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const next = hist.move(e.key === 'ArrowUp' ? -1 : 1, input);
      if (next !== null) setInput(next);
    } else if (e.key === 'Tab' && input.trim()) {
      e.preventDefault();
      const typed = input;
      // The worker completes the last word; a single candidate also gets bash's trailing space.
      const candidates = await completeLine(typed);
      if (candidates.length === 0) return;
      const head = typed.slice(0, typed.length - (typed.split(/\s+/).pop() ?? '').length);
      const word = typed.slice(head.length);
      const prefix = candidates.length === 1 ? `${candidates[0]} ` : commonPrefix(candidates);
      if (prefix.length > word.length) setInput(head + prefix);
      else if (candidates.length > 1) useTerminalStore.getState().outputReceived(candidates.join('  '), false);
    } else if (e.key === 'c' && e.ctrlKey && !e.metaKey && !e.altKey && (busy || e.currentTarget.selectionStart === e.currentTarget.selectionEnd)) {
      // Ctrl+C interrupts (Ctrl+C over a selection still copies it).
      e.preventDefault();
      if (busy) {
        interruptRun();
        return;
      }
      setInput('');
      hist.reset();
      useTerminalStore.getState().lineCancelled(input);
      if (prompt === '>') void cancelContinuation();
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      useTerminalStore.getState().cleared();
    }
  };

  return (
    <div className="terminal-screen" onClick={() => window.getSelection()?.isCollapsed && field.current?.focus()}>
      <div ref={out} className="terminal-output" role="log" aria-label="Terminal output" aria-live="polite">
        {lines.length === 0 && <div className="terminal-line terminal-line--hint">Try: kubectl get pods -o wide · kubectl exec client -- curl -s http://web/</div>}
        {lines.map((l) => (
          <div key={l.id} className={`terminal-line terminal-line--${l.kind}`}>
            {l.kind === 'input' ? l.text : shown(l.text)}
          </div>
        ))}
      </div>
      {slow && <div className="terminal-line terminal-line--hint" role="status">still running… Ctrl+C interrupts</div>}
      {editing !== null && (
        <div className="terminal-line terminal-line--hint terminal-wait" role="status">
          kubectl edit is waiting: save or cancel “kubectl edit {editing}” in the editor pane
        </div>
      )}
      <div className="terminal-prompt" hidden={editing !== null}>
        <span aria-hidden="true">{prompt}</span>
        <input
          ref={field}
          aria-label={prompt === '$' ? 'Terminal input' : prompt === '>' ? 'Terminal input, here-document line' : `Terminal input, shell in a pod (${prompt})`}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={(e) => void onKeyDown(e)}
          onPaste={(e) => void onPaste(e)}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
        />
      </div>
    </div>
  );
}
