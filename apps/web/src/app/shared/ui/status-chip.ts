import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type StatusTone = 'active' | 'pending' | 'inactive' | 'neutral';

/** A status as a small coloured label; the colour only repeats what the text says. */
@Component({
  selector: 'ap-status-chip',
  template: `<span
    class="ap-status"
    [class.ap-status--active]="tone() === 'active'"
    [class.ap-status--pending]="tone() === 'pending'"
    [class.ap-status--inactive]="tone() === 'inactive'"
    >{{ label() }}</span
  >`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChip {
  readonly label = input.required<string>();
  readonly tone = input<StatusTone>('neutral');
}
