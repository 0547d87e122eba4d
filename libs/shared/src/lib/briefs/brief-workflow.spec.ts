import {
  awaitsAcceptance,
  briefActions,
  canDoBriefAction,
  commitsBudget,
  fitsBudget,
  isBriefRunning,
} from './brief-workflow';

describe('brief workflow', () => {
  it('should let the brand send a draft and the agency answer a sent brief', () => {
    expect(canDoBriefAction('draft', 'send', 'social_lead')).toBe(true);
    expect(canDoBriefAction('draft', 'send', 'agency_admin')).toBe(false);
    expect(canDoBriefAction('sent', 'accept', 'agency_member')).toBe(true);
    expect(canDoBriefAction('sent', 'accept', 'social_lead')).toBe(false);
    expect(canDoBriefAction('accepted', 'decline', 'agency_member')).toBe(false);
  });

  it('should give reviewers and finance no brief actions', () => {
    expect(briefActions('sent', 'reviewer')).toEqual([]);
    expect(briefActions('draft', 'finance')).toEqual([]);
  });

  it('should keep a brief inside the cap only when committed plus estimate fits', () => {
    expect(fitsBudget(1000, 600, 400)).toBe(true);
    expect(fitsBudget(1000, 600, 401)).toBe(false);
  });
});

describe('brief status rules', () => {
  it('should call a brief running when it is accepted or in progress', () => {
    expect(isBriefRunning('accepted')).toBe(true);
    expect(isBriefRunning('in_progress')).toBe(true);
    for (const status of ['draft', 'sent', 'declined', 'completed', 'cancelled'] as const) {
      expect(isBriefRunning(status)).toBe(false);
    }
  });

  it('should commit the budget of accepted, running and completed briefs only', () => {
    expect(commitsBudget('accepted')).toBe(true);
    expect(commitsBudget('in_progress')).toBe(true);
    expect(commitsBudget('completed')).toBe(true);
    expect(commitsBudget('sent')).toBe(false);
    expect(commitsBudget('declined')).toBe(false);
    expect(commitsBudget('cancelled')).toBe(false);
  });

  it('should count a draft or sent brief as awaiting acceptance', () => {
    expect(awaitsAcceptance('draft')).toBe(true);
    expect(awaitsAcceptance('sent')).toBe(true);
    expect(awaitsAcceptance('accepted')).toBe(false);
  });

  it('should let the brand complete only a running brief', () => {
    expect(canDoBriefAction('in_progress', 'complete', 'social_lead')).toBe(true);
    expect(canDoBriefAction('accepted', 'complete', 'admin')).toBe(true);
    expect(canDoBriefAction('sent', 'complete', 'social_lead')).toBe(false);
  });
});
