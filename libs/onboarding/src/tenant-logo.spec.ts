import { InvalidInputError, TooLargeError } from '@regula/platform';
import { MAX_LOGO_BYTES, checkLogo } from './tenant-logo';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('checkLogo', () => {
  it('takes a raster image by its magic bytes, whatever it is called', async () => {
    expect(await checkLogo(PNG)).toEqual({ type: 'image/png', bytes: PNG, sanitised: false });
  });

  it('refuses what is not an image, nothing, and more than 256 KiB', async () => {
    await expect(checkLogo(Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj'))).rejects.toThrow(InvalidInputError);
    await expect(checkLogo(Buffer.from('just text'))).rejects.toThrow(/logo: must be a PNG, JPEG, WebP or SVG/);
    await expect(checkLogo(undefined)).rejects.toThrow(/logo: no file/);
    await expect(checkLogo(Buffer.alloc(MAX_LOGO_BYTES + 1, 0x20))).rejects.toThrow(TooLargeError);
  });

  it('keeps an SVG\'s shapes and drops its scripts, handlers, links, styles and foreign content', async () => {
    const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" onload="alert(1)">
      <style>rect { fill: url(https://tracker.example/x) }</style><script>alert(2)</script>
      <a href="javascript:alert(3)"><rect width="10" height="10" fill="#1F4E79"/></a>
      <foreignObject><iframe src="https://evil.example"></iframe></foreignObject>
      <image href="https://tracker.example/pixel.png"/><text x="12" y="8" font-size="6">Nordkust</text></svg>`;
    const out = await checkLogo(Buffer.from(svg));
    const text = out.bytes.toString();
    expect(out).toMatchObject({ type: 'image/svg+xml', sanitised: true });
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 20 10">/);
    expect(text).toContain('<rect width="10" height="10" fill="#1F4E79"');
    expect(text).toContain('Nordkust');
    expect(text).not.toMatch(/script|onload|javascript|style|iframe|foreignObject|tracker|evil|<image|<a /);
  });

  it('marks an SVG it changed, and leaves a clean one as it is', async () => {
    await expect(checkLogo(Buffer.from('<svg onload="x"><script>x</script></svg>'))).resolves.toMatchObject({ sanitised: true });
    const clean = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#7A3E00"/></svg>';
    expect(await checkLogo(Buffer.from(clean))).toMatchObject({ sanitised: false });
  });
});
