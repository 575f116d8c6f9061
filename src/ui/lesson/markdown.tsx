/**
 * A lesson's text, rendered with react-markdown (no raw HTML: a teacher's file
 * cannot inject markup), links opening in a new tab.
 */
import Markdown from 'react-markdown';

const components = {
  a: ({ href, children }: { href?: string; children?: React.ReactNode }) => (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  ),
};

export function LessonText({ text }: { text: string }) {
  return (
    <div className="lesson-text">
      <Markdown components={components} skipHtml>
        {text}
      </Markdown>
    </div>
  );
}
