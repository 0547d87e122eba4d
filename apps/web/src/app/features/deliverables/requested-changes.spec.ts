import { TestBed } from '@angular/core/testing';
import type { ApprovalDecisionDto, RequestedChangesDto } from '@agency-portal/shared';
import { of, throwError } from 'rxjs';
import { HttpErrorResponse } from '@angular/common/http';
import { aComment, aDeliverable } from '../../testing/fixtures';
import { DeliverableService } from './deliverable.service';
import { RequestedChanges } from './requested-changes';

const TWO_REQUESTS: RequestedChangesDto = {
  total: 2,
  items: [
    {
      decisionId: 'decision-2',
      versionId: 'version-1',
      versionNumber: 2,
      stepIndex: 0,
      stepName: 'Brand review',
      requestedBy: { id: 'user-2', name: 'Sam Lead', email: 'sam@brand.test' },
      comment: 'Warmer colours, please.',
      decidedAt: '2026-03-06T09:00:00.000Z',
      openComments: [
        aComment({
          id: 'c-1',
          body: 'Logo too small',
          pin: { kind: 'point', x: 0.25, y: 0.5, fileId: 'file-1' },
        }),
        aComment({ id: 'c-2', body: 'Shorter copy' }),
      ],
      openCommentCount: 3,
    },
    {
      decisionId: 'decision-1',
      versionId: 'version-0',
      versionNumber: 1,
      stepIndex: 1,
      stepName: 'Legal',
      requestedBy: { id: 'user-legal', name: 'Lena Legal', email: 'lena@brand.test' },
      comment: 'Add the disclaimer.',
      decidedAt: '2026-03-04T09:00:00.000Z',
      openComments: [],
      openCommentCount: 0,
    },
  ],
};

const REQUEST: ApprovalDecisionDto = {
  id: 'decision-2',
  versionId: 'version-1',
  versionNumber: 2,
  stepIndex: 0,
  stepName: 'Brand review',
  approver: { id: 'user-2', name: 'Sam Lead', email: 'sam@brand.test' },
  decision: 'request_changes',
  comment: 'Warmer colours, please.',
  decidedAt: '2026-03-06T09:00:00.000Z',
};

describe('RequestedChanges', () => {
  const requestedChanges = jest.fn();

  async function render(
    answer = of(TWO_REQUESTS),
    status: 'changes_requested' | 'in_review' = 'changes_requested',
  ) {
    requestedChanges.mockReturnValue(answer);
    TestBed.configureTestingModule({
      imports: [RequestedChanges],
      providers: [{ provide: DeliverableService, useValue: { requestedChanges } }],
    });
    const fixture = TestBed.createComponent(RequestedChanges);
    fixture.componentRef.setInput('deliverable', aDeliverable({ status, decisions: [REQUEST] }));
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  beforeEach(() => requestedChanges.mockReset());

  it('should list each request newest first with who asked, the step and the comment when changes were requested', async () => {
    const { element } = await render();

    const requests = Array.from(element.querySelectorAll('.ap-request'));
    expect(requestedChanges).toHaveBeenCalledWith('deliverable-1');
    expect(requests).toHaveLength(2);
    expect(requests[0]?.textContent).toContain('Version 2 · Brand review · Sam Lead');
    expect(requests[0]?.textContent).toContain('Warmer colours, please.');
    expect(requests[1]?.textContent).toContain('Version 1 · Legal · Lena Legal');
    expect(requests[0]?.classList).toContain('ap-request--latest');
  });

  it('should list the open comments with where they are pinned and count those left out', async () => {
    const { element } = await render();

    const first = element.querySelector('.ap-request') as HTMLElement;
    expect(first.textContent).toContain('Logo too small');
    expect(first.textContent).toContain('on post.png, 25% across and 50% down');
    expect(first.textContent).toContain('And 1 more open comments on that version.');
  });

  it('should show nothing and ask nothing when no change was ever requested', async () => {
    TestBed.configureTestingModule({
      imports: [RequestedChanges],
      providers: [{ provide: DeliverableService, useValue: { requestedChanges } }],
    });
    const fixture = TestBed.createComponent(RequestedChanges);
    fixture.componentRef.setInput('deliverable', aDeliverable({ decisions: [] }));
    await fixture.whenStable();

    expect(requestedChanges).not.toHaveBeenCalled();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="requested-changes"]'),
    ).toBeNull();
  });

  it('should say so with a retry when the list cannot be loaded', async () => {
    const { element } = await render(
      throwError(
        () => new HttpErrorResponse({ status: 500, error: { code: 'internal_error', message: 'Boom' } }),
      ),
    );

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Boom');
  });

  it('should not mark the newest request as waiting once a new version is in review', async () => {
    const { element } = await render(of(TWO_REQUESTS), 'in_review');

    expect(element.querySelector('.ap-request--latest')).toBeNull();
  });
});
