import { HttpErrorResponse } from '@angular/common/http';
import { Subject, of, throwError } from 'rxjs';
import { createMutation } from './mutation';

describe('Mutation', () => {
  it('should be pending while the request is under way and settle when it answers', () => {
    const answer = new Subject<string>();
    const next = jest.fn();
    const mutation = createMutation();

    mutation.run(answer, { next });
    const pendingMeanwhile = mutation.pending();
    answer.next('saved');
    answer.complete();

    expect(pendingMeanwhile).toBe(true);
    expect(mutation.pending()).toBe(false);
    expect(next).toHaveBeenCalledWith('saved');
  });

  it('should stay pending after success when the change leaves the page', () => {
    const mutation = createMutation();

    mutation.run(of('saved'), { leaves: true });

    expect(mutation.pending()).toBe(true);
  });

  it('should hold the server’s error body and hand it on when the request fails', () => {
    const body = { code: 'validation_failed', message: 'Some fields are not valid.' };
    const failure = new HttpErrorResponse({ status: 400, error: body });
    const error = jest.fn();
    const mutation = createMutation();

    mutation.run(
      throwError(() => failure),
      { leaves: true, error },
    );

    expect(mutation.pending()).toBe(false);
    expect(mutation.error()).toEqual(body);
    expect(error).toHaveBeenCalledWith(body, failure);
  });

  it('should clear the last failure when it runs again', () => {
    const mutation = createMutation();
    mutation.run(throwError(() => new HttpErrorResponse({ status: 0 })));

    mutation.run(new Subject<never>());

    expect(mutation.error()).toBeNull();
    expect(mutation.pending()).toBe(true);
  });

  it('should send nothing when the dialog is cancelled', () => {
    const request = jest.fn(() => of('done'));
    const mutation = createMutation();

    mutation.runConfirmed(of(false), request);
    mutation.runConfirmed(of<string | undefined>(undefined), request);
    mutation.runConfirmed(of(''), request);

    expect(request).not.toHaveBeenCalled();
    expect(mutation.pending()).toBe(false);
  });

  it('should send the request with the dialog’s answer when it says go', () => {
    const request = jest.fn((reason: string) => of(`terminated: ${reason}`));
    const next = jest.fn();
    const mutation = createMutation();

    mutation.runConfirmed(of('Agency closed'), request, { next });

    expect(request).toHaveBeenCalledWith('Agency closed');
    expect(next).toHaveBeenCalledWith('terminated: Agency closed');
  });
});
