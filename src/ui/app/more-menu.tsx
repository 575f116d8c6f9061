/** "More": a disclosure holding the top bar's controls that do not fit a narrow screen. Esc or a click outside closes it. */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function MoreMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  return (
    <div
      className="more-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button ref={button} type="button" className="btn btn--quiet" aria-expanded={open} aria-controls="more-menu-panel" onClick={() => setOpen(!open)}>
        More <span aria-hidden="true">▾</span>
      </button>
      <div
        id="more-menu-panel"
        className="more-menu__panel"
        role="group"
        aria-label="More controls"
        hidden={!open}
      >
        {children}
      </div>
    </div>
  );
}
