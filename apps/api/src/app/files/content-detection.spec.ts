import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import {
  detectBufferType,
  detectDeliverableType,
  detectFileType,
  isDeliverableContentType,
} from './content-detection';

/** Small, hand-made files: just the bytes each format is recognised by, plus some filler. */
const filler = Buffer.alloc(256, 0x20);

const fixtures = {
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from([0, 0, 0, 13]),
    Buffer.from('IHDR'),
    Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
    filler,
  ]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), filler]),
  gif: Buffer.concat([Buffer.from('GIF89a'), filler]),
  webp: Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([0x24, 0x01, 0, 0]),
    Buffer.from('WEBPVP8 '),
    filler,
  ]),
  mp4: Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypisom'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2'),
    Buffer.from([0, 0, 0, 8]),
    Buffer.from('mdat'),
    filler,
  ]),
  mov: Buffer.concat([
    Buffer.from([0, 0, 0, 0x14]),
    Buffer.from('ftypqt  '),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('qt  '),
    filler,
  ]),
  pdf: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  elf: Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
    Buffer.alloc(56),
    filler,
  ]),
  exe: Buffer.concat([
    Buffer.from('MZ'),
    Buffer.from([0x90, 0x00, 0x03]),
    Buffer.alloc(59),
    Buffer.from('PE\0\0'),
    filler,
  ]),
  html: Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'),
};

/** A ZIP archive of stored (uncompressed) entries, in the order given. */
function zip(entries: [name: string, content: string][]): Buffer {
  const parts = entries.map(([name, content]) => {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    return Buffer.concat([header, nameBytes, data]);
  });
  return Buffer.concat(parts);
}

/** An Office document as Office writes it: content types and relationships first, then the parts. */
function office(folder: 'word' | 'ppt' | 'xl'): Buffer {
  const contentTypes = `<?xml version="1.0"?><Types>${'<Override PartName="/x"/>'.repeat(300)}</Types>`;
  return zip([
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', '<?xml version="1.0"?><Relationships/>'],
    ['docProps/app.xml', '<?xml version="1.0"?><Properties/>'],
    [`${folder}/document.xml`, '<?xml version="1.0"?><document/>'],
  ]);
}

describe('content detection', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'content-detection-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  function file(name: string, content: Buffer): string {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  }

  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
    ['mp4', 'video/mp4'],
    ['mov', 'video/quicktime'],
    ['pdf', 'application/pdf'],
  ] as const)('should accept a %s file when its content is %s', async (kind, expected) => {
    const path = file(`upload.${kind}`, fixtures[kind]);

    const detected = await detectDeliverableType(path);

    expect(detected).toBe(expected);
  });

  it.each([
    ['docx', 'word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['pptx', 'ppt', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['xlsx', 'xl', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const)(
    'should recognise a %s document when its parts come after more than 4 KiB of archive',
    async (kind, folder, expected) => {
      const content = office(folder);
      expect(content.length).toBeGreaterThan(4100);
      const path = file(`deck.${kind}`, content);

      const detected = await detectDeliverableType(path);

      expect(detected).toBe(expected);
    },
  );

  it.each([
    // file-type 16 has no ELF signature: unrecognised, and so refused all the same.
    ['an ELF executable', 'elf', undefined],
    ['a Windows executable', 'exe', 'application/x-msdownload'],
  ] as const)('should refuse %s when it is named .png', async (_label, kind, detectedAs) => {
    const path = file(`innocent-${kind}.png`, fixtures[kind]);

    expect(await detectFileType(path)).toBe(detectedAs);
    expect(await detectDeliverableType(path)).toBeNull();
  });

  it.each([
    ['HTML', 'html'],
    ['SVG with script', 'svg'],
  ] as const)('should refuse %s when it is named .png', async (_label, kind) => {
    const path = file(`page-${kind}.png`, fixtures[kind]);

    expect(await detectFileType(path)).toBeUndefined();
    expect(await detectDeliverableType(path)).toBeNull();
  });

  it('should refuse a plain ZIP archive when it is not an Office document', async () => {
    const path = file('archive.docx', zip([['readme.txt', 'hello']]));

    expect(await detectFileType(path)).toBe('application/zip');
    expect(await detectDeliverableType(path)).toBeNull();
  });

  it('should refuse an empty file when nothing can be recognised', async () => {
    const path = file('empty.png', Buffer.alloc(0));

    expect(await detectDeliverableType(path)).toBeNull();
  });

  it('should detect the same types from leading bytes when given a buffer', async () => {
    expect(await detectBufferType(fixtures.png)).toBe('image/png');
    expect(await detectBufferType(fixtures.exe)).toBe('application/x-msdownload');
    expect(await detectBufferType(fixtures.html)).toBeUndefined();
  });

  it('should only allow the deliverable types when asked about a type name', () => {
    expect(isDeliverableContentType('video/webm')).toBe(true);
    expect(isDeliverableContentType('text/html')).toBe(false);
    expect(isDeliverableContentType(undefined)).toBe(false);
  });
});
