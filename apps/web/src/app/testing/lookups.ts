import type { HarnessLoader } from '@angular/cdk/testing';
import type { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { type Observable, of, throwError } from 'rxjs';
import type { LookupItem, LookupResult } from '../core/lookups/lookups';
import { Lookups } from '../core/lookups/lookups';
import { LOOKUP_DEBOUNCE } from '../shared/forms/lookup-field';

/** A lookup set over fixed records: `search` matches the label, `get` finds by id. */
export class FakeLookupSet {
  readonly searches: { term: string; filter: object }[] = [];

  constructor(private readonly items: LookupItem[]) {}

  search(term: string, filter: object = {}): Observable<LookupResult> {
    this.searches.push({ term, filter });
    const needle = term.trim().toLowerCase();
    return of({ items: this.items.filter((item) => item.label.toLowerCase().includes(needle)), more: false });
  }

  get(id: string): Observable<LookupItem> {
    const item = this.items.find((candidate) => candidate.id === id);
    return item ? of(item) : throwError(() => new Error(`no ${id}`));
  }

  invalidate(): void {
    // Nothing cached.
  }
}

export type FakeLookupData = Partial<
  Record<'units' | 'agencies' | 'users' | 'contracts' | 'goals', LookupItem[]>
>;

/** Lookups over fixed records, and pickers that search without waiting for typing to rest. */
export function provideFakeLookups(data: FakeLookupData = {}): Provider[] {
  const sets = {
    units: new FakeLookupSet(data.units ?? []),
    agencies: new FakeLookupSet(data.agencies ?? []),
    users: new FakeLookupSet(data.users ?? []),
    contracts: new FakeLookupSet(data.contracts ?? []),
    goals: new FakeLookupSet(data.goals ?? []),
    clear: () => undefined,
  };
  return [
    { provide: Lookups, useValue: sets },
    { provide: LOOKUP_DEBOUNCE, useValue: 0 },
  ];
}

/** One of the sets `provideFakeLookups` put in place, to see what the pickers searched. */
export function fakeLookupSet(name: keyof FakeLookupData): FakeLookupSet {
  const set: unknown = TestBed.inject(Lookups)[name];
  if (!(set instanceof FakeLookupSet)) throw new Error('provideFakeLookups() is not in place');
  return set;
}

/**
 * Lets the pickers' searches (debounced on a timer) answer and the panel show them (the autocomplete
 * itself waits a macrotask after its options change).
 */
export async function searchesSettle(): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Picks a choice in a lookup field as a person does: focus, (type,) click the option. */
export async function pick(
  loader: HarnessLoader,
  label: string,
  option: string | RegExp,
  typed?: string,
): Promise<void> {
  const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const input = await field.getControl(MatAutocompleteHarness);
  if (!input) throw new Error(`${label} is not a lookup field`);
  await input.focus();
  if (typed !== undefined) await input.enterText(typed);
  await searchesSettle();
  await input.selectOption({ text: option });
}

/** Adds a choice to a multi-pick lookup (chips). */
export async function pickChip(loader: HarnessLoader, label: string, option: string | RegExp): Promise<void> {
  const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const auto = await field.getControl(MatAutocompleteHarness);
  if (!auto) throw new Error(`${label} is not a lookup field`);
  await auto.focus();
  await searchesSettle();
  await auto.selectOption({ text: option });
}
