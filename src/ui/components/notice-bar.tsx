/** The notices of notice-store.ts, one line each under the top bar, with their actions and a Dismiss. */
import { useNoticeStore, type Notice } from '../stores/notice-store';
import './notice-bar.css';

function NoticeLine({ notice }: { notice: Notice }) {
  const dismiss = useNoticeStore((s) => s.dismissed);
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-notice={notice.id}>
      <span className="notice__text">{notice.text}</span>
      <span className="notice__actions">
        {notice.actions?.map((a) => (
          <button
            key={a.label}
            type="button"
            className="btn btn--small"
            onClick={() => {
              dismiss(notice.id);
              a.run();
            }}
          >
            {a.label}
          </button>
        ))}
        {!notice.sticky && (
          <button type="button" className="btn btn--small" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        )}
      </span>
    </div>
  );
}

export function NoticeBar() {
  const notices = useNoticeStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-label="Notices">
      {notices.map((n) => (
        <NoticeLine key={n.id} notice={n} />
      ))}
    </div>
  );
}
