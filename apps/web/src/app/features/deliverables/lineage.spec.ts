import type { DeliverableSummaryDto } from '@agency-portal/shared';
import { aDeliverable } from '../../testing/fixtures';
import { lineageRows } from './lineage';

function summary(id: string, derivedFromId: string | null = null): DeliverableSummaryDto {
  const { id: _id, ...rest } = aDeliverable();
  return { ...rest, id, title: id, derivedFromId };
}

describe('lineageRows', () => {
  it('should put each cut-down under its master when the list mixes them', () => {
    const rows = lineageRows([
      summary('reel'),
      summary('post'),
      summary('reel-kakao', 'reel'),
      summary('reel-story', 'reel'),
    ]);

    expect(rows.map((row) => [row.deliverable.id, row.depth, row.master?.id ?? null])).toEqual([
      ['reel', 0, null],
      ['reel-kakao', 1, 'reel'],
      ['reel-story', 1, 'reel'],
      ['post', 0, null],
    ]);
  });

  it('should show a cut-down as a root when its master is not in the list', () => {
    expect(lineageRows([summary('cut', 'elsewhere')]).map((row) => row.depth)).toEqual([0]);
  });
});
