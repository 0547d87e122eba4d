import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { link, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { demoPdfPages } from '../../../apps/api/src/app/seed/demo-pdf';

/**
 * The large data's files. stored_files.storage_key is unique, so every row needs its own key;
 * the bytes behind the keys are a handful of small real files (posts, reels, storyboards,
 * reports, a signed contract), hard-linked under each key in the storage folder. Previews and
 * downloads then work everywhere in the UI while the folder stays a few megabytes, and each
 * row's size and sha256 are those of the bytes it points at.
 */
export interface SampleFile {
  key: string;
  contentType: string;
  extension: string;
  bytes: number;
  sha256: string;
  /** PDF pages, for pins on a page. */
  pages?: number;
  /** Video length, for timecode pins. */
  seconds?: number;
}

interface Source {
  key: string;
  contentType: string;
  extension: string;
  content: Buffer;
  pages?: number;
  seconds?: number;
}

const FIXTURES = resolve(__dirname, '../fixtures');
/** ext4 allows 65,000 links to one file; a fresh copy takes over before that. */
const LINKS_PER_COPY = 60_000;
const PARALLEL_LINKS = 16;

/** Files committed in fixtures/ (see its README for how they were made). */
const FIXTURE_FILES: [key: string, file: string, contentType: string, seconds?: number][] = [
  ['post-ocean', 'post-ocean.jpg', 'image/jpeg'],
  ['post-sunset', 'post-sunset.jpg', 'image/jpeg'],
  ['post-forest', 'post-forest.jpg', 'image/jpeg'],
  ['post-plum', 'post-plum.jpg', 'image/jpeg'],
  ['post-sand', 'post-sand.png', 'image/png'],
  ['post-night', 'post-night.png', 'image/png'],
  ['reel-mp4', 'reel.mp4', 'video/mp4', 4],
  ['reel-webm', 'reel.webm', 'video/webm', 4],
];

export const POST_SAMPLES = FIXTURE_FILES.filter(([, , type]) => type.startsWith('image/')).map(
  ([key]) => key,
);

function sources(): Source[] {
  return [
    ...FIXTURE_FILES.map(([key, file, contentType, seconds]) => ({
      key,
      contentType,
      extension: file.split('.').pop() as string,
      content: readFileSync(join(FIXTURES, file)),
      ...(seconds ? { seconds } : {}),
    })),
    {
      key: 'storyboard',
      contentType: 'application/pdf',
      extension: 'pdf',
      pages: 3,
      content: demoPdfPages([
        ['Storyboard (sample file of the large data)', '', 'Scene 1 (0-5 s): the product in hand, daylight.'],
        ['Scene 2 (5-15 s): three quick looks, one per location.'],
        ['Scene 3 (15-30 s): end card with the logo and the call to action.'],
      ]),
    },
    {
      key: 'report',
      contentType: 'application/pdf',
      extension: 'pdf',
      pages: 2,
      content: demoPdfPages([
        [
          'Monthly performance report (sample file of the large data)',
          '',
          'Reach, engagement and clicks by channel.',
        ],
        ['Next month: more short-form video, fewer static posts.'],
      ]),
    },
    {
      key: 'invoice',
      contentType: 'application/pdf',
      extension: 'pdf',
      pages: 1,
      content: demoPdfPages([
        ['Invoice (sample file of the large data)', '', 'Work of the month as itemised in the portal.'],
      ]),
    },
    {
      key: 'contract',
      contentType: 'application/pdf',
      extension: 'pdf',
      pages: 1,
      content: demoPdfPages([
        ['Statement of work (sample file of the large data)', '', 'Signed by both parties.'],
      ]),
    },
  ];
}

export class Storage {
  readonly samples: Map<string, SampleFile>;
  private readonly contents = new Map<string, Buffer>();
  private readonly links = new Map<string, { copy: number; count: number }>();
  private queue: [string, string][] = [];
  private linking: Promise<void> = Promise.resolve();
  private placed = 0;

  /** `root` null: rows are generated without bytes on disk (previews then answer 404). */
  constructor(readonly root: string | null) {
    this.samples = new Map(
      sources().map((source) => {
        this.contents.set(source.key, source.content);
        const sample: SampleFile = {
          key: source.key,
          contentType: source.contentType,
          extension: source.extension,
          bytes: source.content.length,
          sha256: createHash('sha256').update(source.content).digest('hex'),
          ...(source.pages ? { pages: source.pages } : {}),
          ...(source.seconds ? { seconds: source.seconds } : {}),
        };
        return [source.key, sample];
      }),
    );
  }

  get files(): number {
    return this.placed;
  }

  sample(key: string): SampleFile {
    const sample = this.samples.get(key);
    if (!sample) throw new Error(`no sample file ${key}`);
    return sample;
  }

  /** A storage key in the app's layout, spread over 256 folders per prefix. */
  keyFor(prefix: 'deliverables' | 'contracts' | 'invoices', fileId: string): string {
    return `${prefix}/${fileId.slice(0, 2)}/${fileId}`;
  }

  /** Writes the sample files and the folders their links go into. */
  prepare(): void {
    if (!this.root) return;
    for (const prefix of ['deliverables', 'contracts', 'invoices']) {
      for (let index = 0; index < 256; index++) {
        mkdirSync(join(this.root, prefix, index.toString(16).padStart(2, '0')), { recursive: true });
      }
    }
    mkdirSync(join(this.root, 'samples'), { recursive: true });
    for (const [key, content] of this.contents) {
      writeFileSync(this.copyPath(key, 0), content);
      this.links.set(key, { copy: 0, count: 1 });
    }
  }

  /** Puts the sample's bytes under `key` (queued; `flush` links them in the background). */
  place(key: string, sample: SampleFile): void {
    this.placed++;
    if (!this.root) return;
    const state = this.links.get(sample.key);
    if (!state) throw new Error(`sample ${sample.key} was not prepared`);
    if (state.count >= LINKS_PER_COPY) {
      state.copy++;
      state.count = 1;
      copyFileSync(this.copyPath(sample.key, 0), this.copyPath(sample.key, state.copy));
    }
    state.count++;
    this.queue.push([this.copyPath(sample.key, state.copy), join(this.root, key)]);
  }

  /** Starts linking what is queued, behind what is already being linked. */
  flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.linking = this.linking.then(async () => {
      for (let index = 0; index < batch.length; index += PARALLEL_LINKS) {
        await Promise.all(batch.slice(index, index + PARALLEL_LINKS).map(([from, to]) => link(from, to)));
      }
    });
  }

  async finish(): Promise<void> {
    this.flush();
    await this.linking;
  }

  /** Removes everything the generator put into the storage folder. */
  async discard(): Promise<void> {
    if (!this.root) return;
    await this.linking.catch(() => undefined);
    for (const folder of ['deliverables', 'contracts', 'invoices', 'samples']) {
      await rm(join(this.root, folder), { recursive: true, force: true });
    }
  }

  private copyPath(key: string, copy: number): string {
    const sample = this.sample(key);
    return join(this.root ?? '', 'samples', `${key}${copy ? `-${copy}` : ''}.${sample.extension}`);
  }
}
