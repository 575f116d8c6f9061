import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { breakable } from './breakable';

const html = (text: string) => renderToStaticMarkup(createElement('p', null, breakable(text)));

describe('breakable', () => {
  it('offers a line break after each dot, slash and colon, never inside a label', () => {
    expect(html('web.default.svc:53')).toBe('<p>web.<wbr/>default.<wbr/>svc:<wbr/>53</p>');
    expect(html('client')).toBe('<p>client</p>');
  });
});
