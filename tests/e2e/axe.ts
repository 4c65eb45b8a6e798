import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

export interface AxeProblem {
  id: string;
  impact: string;
  nodes: string[];
}

/**
 * Serious and critical axe-core violations on a page, or only inside the
 * given elements (CSS selectors; their shadow roots are checked too). axe is
 * evaluated through the debugger protocol: extension pages' CSP refuses an
 * inline <script>. A run that checked nothing throws rather than pass.
 */
export async function axeViolations(target: Page, include?: string[]): Promise<AxeProblem[]> {
  await target.evaluate(AXE_SOURCE);
  return target.evaluate(async (selectors) => {
    type AxeResult = {
      passes: unknown[];
      violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<AxeResult> } })
      .axe;
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    if (result.passes.length === 0) throw new Error('axe-core checked no rule');
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, include);
}
