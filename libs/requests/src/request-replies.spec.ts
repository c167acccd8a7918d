import { replyFileName } from './request-replies.service';

describe('reply documents: the stored file name', () => {
  it('keeps the uploaded name in safe ASCII, with the extension of the detected type', () => {
    expect(replyFileName('Atbilde uz pieprasījumu.pdf', 'pdf')).toBe('Atbilde_uz_pieprasijumu.pdf');
    expect(replyFileName('Svar på begäran.PDF', 'pdf')).toBe('Svar_pa_begaran.pdf');
    // The client's extension never counts: the content decides.
    expect(replyFileName('scan.exe', 'png')).toBe('scan.png');
  });

  it('drops folders and anything that could be a path or a header', () => {
    expect(replyFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(replyFileName('C:\\Users\\dpo\\answer".pdf', 'pdf')).toBe('answer.pdf');
    expect(replyFileName('a\r\nContent-Type: text/html.pdf', 'pdf')).toMatch(/^[A-Za-z0-9._-]+\.pdf$/);
  });

  it('names a file without a usable name "reply"', () => {
    expect(replyFileName(undefined, 'jpg')).toBe('reply.jpg');
    expect(replyFileName('проект.pdf', 'pdf')).toBe('reply.pdf');
    expect(replyFileName('....pdf', 'asice')).toBe('reply.asice');
  });
});
