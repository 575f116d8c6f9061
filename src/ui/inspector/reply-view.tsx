/**
 * What came back: the reply body (or curl's error), and who served it, once the packet
 * has arrived (the last hop); until then the pane's header says where it will.
 */
import { useTraceStore } from '../stores/trace-store';

export function ReplyView() {
  const trace = useTraceStore((s) => s.trace);
  const arrived = useTraceStore((s) => s.arrived);
  const sending = useTraceStore((s) => s.sending);
  const error = useTraceStore((s) => s.error);
  if (error) return <p className="reply reply--fail" role="alert">{error}</p>;
  if (!trace) return sending ? <p className="reply reply--pending">Tracing…</p> : null;
  if (!arrived) return null;
  return (
    <div className={`reply ${trace.ok ? 'reply--ok' : 'reply--fail'}`}>
      <div className="reply__head">
        <span>{trace.ok ? 'Reply' : 'Failed'}</span>
        <span className="reply__from">
          {trace.request.from} → {trace.request.url}
          {trace.servedBy ? ` · served by ${trace.servedBy}` : ''}
        </span>
      </div>
      <pre className="reply__body" aria-label="Reply body" tabIndex={0}>
        {trace.result}
      </pre>
    </div>
  );
}
