import { ASIC_E_MIME, detectEvidence } from './evidence-content';
import { asice, exe, JPEG_HEAD, pdf, PNG_1PX, zip } from './fixtures/evidence.fixture';

describe('identity documents are judged by their content', () => {
  it.each([
    ['a PDF', pdf(), 'application/pdf'],
    ['a PNG', PNG_1PX, 'image/png'],
    ['a JPEG', JPEG_HEAD, 'image/jpeg'],
    ['an ASiC-E e-signature container (.asice/.bdoc/.edoc)', asice(), ASIC_E_MIME],
  ])('accepts %s', async (_what, content, mime) => {
    expect(await detectEvidence(content)).toEqual({ allowed: expect.objectContaining({ mime }) });
  });

  it('refuses a Windows executable, whatever it is called', async () => {
    expect(await detectEvidence(exe())).toEqual({ rejected: 'application/x-msdownload' });
  });

  it('refuses a plain ZIP and a ZIP whose mimetype is not ASiC-E', async () => {
    expect(await detectEvidence(zip([{ name: 'a.txt', content: 'hello' }]))).toEqual({ rejected: 'application/zip' });
    const odt = zip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' }]);
    expect(await detectEvidence(odt)).toEqual({ rejected: 'application/vnd.oasis.opendocument.text' });
  });

  it('refuses an ASiC-E whose mimetype entry is not first', async () => {
    const late = zip([{ name: 'request.pdf', content: pdf() }, { name: 'mimetype', content: ASIC_E_MIME }]);
    expect(await detectEvidence(late)).toEqual({ rejected: expect.not.stringMatching(/asic/) });
  });

  it('refuses text and HTML', async () => {
    expect(await detectEvidence(Buffer.from('just some text'))).toEqual({ rejected: undefined });
    expect(await detectEvidence(Buffer.from('<html><script>alert(1)</script></html>'))).toEqual({ rejected: undefined });
  });
});
