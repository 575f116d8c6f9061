/** "Share": makes a link holding this exact view, with a box to copy it from. */
import { useEffect, useRef, useState } from 'react';
import { buildShareUrl } from '../../share/share-link';
import { collectShareState, fullAppBase, withoutHistory } from './collect-share-state';
import { EmbedCode } from './embed-code';
import './share.css';

type Panel = { kind: 'closed' } | { kind: 'link'; url: string } | { kind: 'error'; message: string };

async function copy(text: string, input: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an iframe, plain http): select the text for the learner to copy.
    input?.select();
    return document.execCommand?.('copy') ?? false;
  }
}

export function ShareButton() {
  const [panel, setPanel] = useState<Panel>({ kind: 'closed' });
  const [copied, setCopied] = useState(false);
  const [embed, setEmbed] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (panel.kind === 'link') input.current?.select();
  }, [panel]);

  const toggle = async (): Promise<void> => {
    if (panel.kind !== 'closed') return setPanel({ kind: 'closed' });
    setCopied(false);
    setEmbed(false);
    const state = collectShareState();
    let r = await buildShareUrl(fullAppBase(), state);
    // Too long with everything done since the load: share the current scenario fresh instead.
    if (!r.ok && state.history) r = await buildShareUrl(fullAppBase(), withoutHistory(state));
    setPanel(r.ok ? { kind: 'link', url: r.url } : { kind: 'error', message: r.error.message });
  };

  return (
    <div className="share">
      <button type="button" className="btn btn--primary" aria-expanded={panel.kind !== 'closed'} aria-controls="share-panel" onClick={() => void toggle()}>
        Share
      </button>
      {panel.kind !== 'closed' && (
        <div id="share-panel" className="share-panel" role="group" aria-label="Share this view" onKeyDown={(e) => e.key === 'Escape' && setPanel({ kind: 'closed' })}>
          {panel.kind === 'error' ? (
            <p className="share-panel__error" role="status">{panel.message}</p>
          ) : (
            <>
              <label htmlFor="share-link" className="share-panel__label">
                Share link <span className="share-panel__hint">({panel.url.length.toLocaleString('en')} characters; opens this scenario, request and hop)</span>
              </label>
              <div className="share-panel__row">
                <input id="share-link" ref={input} className="share-panel__input" readOnly value={panel.url} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
                <button type="button" className="btn" onClick={() => void copy(panel.url, input.current).then(setCopied)}>
                  {copied ? 'Copied' : 'Copy'}
                </button>
              </div>
              <button type="button" className="btn btn--quiet share-panel__embed" aria-expanded={embed} onClick={() => setEmbed(!embed)}>
                Embed
              </button>
              {embed && <EmbedCode shareUrl={panel.url} copy={copy} />}
            </>
          )}
        </div>
      )}
    </div>
  );
}
