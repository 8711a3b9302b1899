import { imageEnd } from './image-structure';
import { asciiBytes, jpegSkeleton, pngSkeleton, webpSkeleton } from './media-fixtures.spec-helper';
import { dimensionProblem, screenUpload, UPLOAD_RULES, type UploadFacts } from './upload-screening';

const facts = (bytes: Uint8Array, detectedType: UploadFacts['detectedType'] = 'image/png', detectedOther: string | null = null): UploadFacts => ({ bytes, detectedType, detectedOther });

describe('where a picture ends', () => {
  it('finds the end of a PNG after its IEND chunk', () => {
    const png = pngSkeleton();
    expect(imageEnd(png, 'image/png')).toBe(png.length);
  });

  it('walks a JPEG past an embedded thumbnail, stuffed bytes and restart markers to the real EOI', () => {
    const jpeg = jpegSkeleton();
    expect(imageEnd(jpeg, 'image/jpeg')).toBe(jpeg.length);
  });

  it('reads the end of a WebP from its RIFF size', () => {
    const webp = webpSkeleton();
    expect(imageEnd(webp, 'image/webp')).toBe(webp.length);
  });

  it('says null when the file stops before the picture does', () => {
    expect(imageEnd(pngSkeleton().subarray(0, 30), 'image/png')).toBeNull();
    expect(imageEnd(jpegSkeleton().subarray(0, 24), 'image/jpeg')).toBeNull();
    expect(imageEnd(webpSkeleton().subarray(0, 20), 'image/webp')).toBeNull();
  });
});

describe('upload screening', () => {
  it('lets a clean picture of each type through', () => {
    expect(screenUpload(facts(pngSkeleton()))).toBeNull();
    expect(screenUpload(facts(jpegSkeleton(), 'image/jpeg'))).toBeNull();
    expect(screenUpload(facts(webpSkeleton(), 'image/webp'))).toBeNull();
  });

  it('refuses an empty file', () => {
    expect(screenUpload(facts(new Uint8Array(), null))?.rule).toBe('empty');
  });

  it('refuses an SVG renamed .png and names what it looks like', () => {
    const refusal = screenUpload(facts(Uint8Array.from(asciiBytes('<svg xmlns="http://www.w3.org/2000/svg"/>')), null, 'SVG'));
    expect(refusal).toEqual({ rule: 'not-a-picture', message: 'This file is not a JPEG, PNG or WebP picture (it looks like SVG).' });
  });

  it('refuses a truncated picture', () => {
    expect(screenUpload(facts(pngSkeleton().subarray(0, 40)))?.rule).toBe('truncated');
  });

  it('refuses a PNG followed by a script, and a JPEG followed by an archive', () => {
    expect(screenUpload(facts(pngSkeleton(asciiBytes('<script>alert(1)</script>'))))?.rule).toBe('data-after-picture');
    expect(screenUpload(facts(jpegSkeleton([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'image/jpeg'))?.rule).toBe('data-after-picture');
  });

  it('accepts the zero padding some cameras leave after the picture', () => {
    expect(screenUpload(facts(jpegSkeleton([0, 0, 0, 0]), 'image/jpeg'))).toBeNull();
  });

  it('refuses markup hidden inside the picture, whatever its case', () => {
    const inside = pngSkeleton();
    const hidden = Uint8Array.from([...inside.subarray(0, 33), ...asciiBytes('<ScRiPt src=x>'), ...inside.subarray(33)]);
    expect(screenUpload(facts(hidden))?.rule).toMatch(/markup-inside|truncated/);
    const inText = Uint8Array.from([...inside.subarray(0, 8), 0, 0, 0, 14, ...asciiBytes('tEXt'), ...asciiBytes('<HTML><body>x'), 0, 0, 0, 0, 0, ...inside.subarray(8)]);
    expect(screenUpload(facts(inText))?.rule).toBe('markup-inside');
  });

  it('gives every rule a name and a reason', () => {
    for (const rule of UPLOAD_RULES) {
      expect(rule.name).toMatch(/^[a-z-]+$/);
      expect(rule.reason.length).toBeGreaterThan(20);
    }
    expect(new Set(UPLOAD_RULES.map((rule) => rule.name)).size).toBe(UPLOAD_RULES.length);
  });
});

describe('picture dimensions', () => {
  it('accepts an ordinary photo and refuses a decompression bomb', () => {
    expect(dimensionProblem(4032, 3024)).toBeNull();
    expect(dimensionProblem(50_000, 50_000)).toMatch(/50000 × 50000 pixels/);
    expect(dimensionProblem(12_000, 10_000)).toMatch(/megapixels/);
    expect(dimensionProblem(0, 10)).toMatch(/no width/);
  });
});
