/** What came back: the reply body (or curl's error), and who served it. */
import { useTraceStore } from '../stores/trace-store';

export function ReplyView() {
  const trace = useTraceStore((s) => s.trace);
  const sending = useTraceStore((s) => s.sending);
  const error = useTraceStore((s) => s.error);
  if (error) return <p className="reply reply--fail" role="alert">{error}</p>;
  if (!trace) return sending ? <p className="reply reply--pending">Tracing…</p> : null;
  return (
    <div className={`reply ${trace.ok ? 'reply--ok' : 'reply--fail'}`}>
      <div className="reply__head">
        <span>{trace.ok ? 'Reply' : 'Failed'}</span>
        <span className="reply__from">
          {trace.request.from} → {trace.request.url}
          {trace.servedBy ? ` · served by ${trace.servedBy}` : ''}
        </span>
      </div>
      <pre className="reply__body" aria-label="Reply body">
        {trace.result}
      </pre>
    </div>
  );
}
