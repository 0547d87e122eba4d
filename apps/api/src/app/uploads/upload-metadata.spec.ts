import { DomainError } from '../common/errors/domain-error';
import { readClientMetadata, readStoredMetadata } from './upload-metadata';

const DELIVERABLE = '3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f';

describe('upload metadata', () => {
  it('should keep the deliverable and a safe file name when the client sends both', () => {
    const metadata = readClientMetadata({
      deliverableId: DELIVERABLE.toUpperCase(),
      filename: '../../evil"\u0000name.png',
      filetype: 'text/html',
    });

    expect(metadata).toEqual({ deliverableId: DELIVERABLE, filename: 'evilname.png' });
  });

  it('should name every missing key when the metadata is incomplete', () => {
    let caught: unknown;
    try {
      readClientMetadata({ deliverableId: 'nope', filename: null });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).details?.fields?.map((field) => field.field)).toEqual([
      'deliverableId',
      'filename',
    ]);
  });

  it('should treat an upload without its owner as unknown when it is read back', () => {
    expect(readStoredMetadata({ metadata: { deliverableId: DELIVERABLE, filename: 'a.png' } })).toBeNull();
    expect(
      readStoredMetadata({ metadata: { deliverableId: DELIVERABLE, filename: 'a.png', ownerId: 'u1' } }),
    ).toEqual({ deliverableId: DELIVERABLE, filename: 'a.png', ownerId: 'u1' });
  });
});
