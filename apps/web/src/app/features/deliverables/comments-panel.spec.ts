import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CreateCommentRequest } from '@agency-portal/shared';
import { aComment } from '../../testing/fixtures';
import { CommentsPanel } from './comments-panel';

describe('CommentsPanel', () => {
  let fixture: ComponentFixture<CommentsPanel>;
  let element: HTMLElement;
  let added: CreateCommentRequest[];

  beforeEach(async () => {
    fixture = TestBed.createComponent(CommentsPanel);
    fixture.componentRef.setInput('canComment', true);
    fixture.componentRef.setInput('comments', [aComment()]);
    added = [];
    fixture.componentInstance.add.subscribe((request) => added.push(request));
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  function button(name: string): HTMLButtonElement {
    const found = Array.from(element.querySelectorAll('button')).find(
      (candidate) => candidate.textContent?.trim() === name,
    );
    if (!found) throw new Error(`no button ${name}`);
    return found;
  }

  async function type(textarea: HTMLTextAreaElement, text: string): Promise<void> {
    textarea.value = text;
    textarea.dispatchEvent(new Event('input'));
    textarea.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  /** What the page does once the API saved the comment: bumps `posted`. */
  async function saved(): Promise<void> {
    fixture.componentRef.setInput('posted', 1);
    await fixture.whenStable();
  }

  it('should empty the comment box without an error when the comment was posted', async () => {
    const box = element.querySelector<HTMLTextAreaElement>('form.ap-comment-form textarea');
    if (!box) throw new Error('no comment box');
    await type(box, 'The logo is still small.');
    button('Add comment').click();
    await fixture.whenStable();

    await saved();

    expect(added).toEqual([{ body: 'The logo is still small.', pin: null }]);
    expect(box.value).toBe('');
    expect(element.querySelector('mat-error')).toBeNull();
    expect(element.textContent).not.toContain('This field is required');
    expect(box.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('should close the reply box without an error when the reply was posted', async () => {
    button('Reply').click();
    await fixture.whenStable();
    const box = element.querySelector<HTMLTextAreaElement>('form.ap-reply-form textarea');
    if (!box) throw new Error('no reply box');
    await type(box, 'Fixed in version 2.');
    button('Post reply').click();
    await fixture.whenStable();

    await saved();
    button('Reply').click();
    await fixture.whenStable();

    expect(added).toEqual([{ body: 'Fixed in version 2.', parentId: 'comment-1' }]);
    expect(element.querySelector<HTMLTextAreaElement>('form.ap-reply-form textarea')?.value).toBe('');
    expect(element.querySelector('mat-error')).toBeNull();
  });

  it('should say the comment is required when an empty comment is sent', async () => {
    button('Add comment').click();
    await fixture.whenStable();

    expect(added).toEqual([]);
    expect(element.querySelector('mat-error')?.textContent).toContain('required');
  });
});
