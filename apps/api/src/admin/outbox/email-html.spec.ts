import { sanitisedEmailHtml } from './email-html';

describe('an e-mail shown in the dashboard', () => {
  it('keeps text and links, drops scripts, styles, images, event handlers and javascript: links', () => {
    const out = sanitisedEmailHtml(
      '<html><head><title>x</title><style>p{color:red}</style></head><body><p style="color:red" onclick="alert(1)">Hello <strong>Anna</strong></p>' +
        '<script>alert(1)</script><img src="https://tracker.example/p.gif"><a href="javascript:alert(1)">bad</a> <a href="https://example.lv/s?t=1">status</a></body></html>',
    );
    expect(out).toBe('<p>Hello <strong>Anna</strong></p><a rel="noreferrer noopener">bad</a> <a href="https://example.lv/s?t=1" rel="noreferrer noopener">status</a>');
  });
});
