import type { DeliverableSummaryDto } from '@agency-portal/shared';

export interface LineageRow {
  deliverable: DeliverableSummaryDto;
  /** 0 for a master asset, 1 for a cut-down of it, and so on. */
  depth: number;
  /** The deliverable this one was cut from, when it is in the list. */
  master: DeliverableSummaryDto | null;
}

/**
 * Orders deliverables as a tree: each master followed by its cut-downs (content atomisation
 * lineage), keeping the given order among siblings. A cut-down whose master is not in the list
 * is shown as a root.
 */
export function lineageRows(deliverables: readonly DeliverableSummaryDto[]): LineageRow[] {
  const byId = new Map(deliverables.map((deliverable) => [deliverable.id, deliverable]));
  const children = new Map<string, DeliverableSummaryDto[]>();
  const roots: DeliverableSummaryDto[] = [];
  for (const deliverable of deliverables) {
    const parentId = deliverable.derivedFromId;
    if (parentId && byId.has(parentId) && parentId !== deliverable.id) {
      children.set(parentId, [...(children.get(parentId) ?? []), deliverable]);
    } else {
      roots.push(deliverable);
    }
  }
  const rows: LineageRow[] = [];
  const seen = new Set<string>();
  const visit = (deliverable: DeliverableSummaryDto, depth: number): void => {
    if (seen.has(deliverable.id)) {
      return;
    }
    seen.add(deliverable.id);
    const master = deliverable.derivedFromId ? (byId.get(deliverable.derivedFromId) ?? null) : null;
    rows.push({ deliverable, depth, master: depth > 0 ? master : null });
    for (const child of children.get(deliverable.id) ?? []) {
      visit(child, depth + 1);
    }
  };
  for (const root of roots) {
    visit(root, 0);
  }
  // A cycle (never expected) would leave rows unvisited: show them flat rather than lose them.
  for (const deliverable of deliverables) {
    visit(deliverable, 0);
  }
  return rows;
}
