import type { TemplateTag } from '../text/template-tags.js';
import type { ConditionBranch } from './model.js';

/**
 * The conditional (and loop) blocks of a template: for any offset, the branches that enclose it,
 * outermost first. `{{ if }}` starts branch 0, each `{{ else }}`/`{% elif %}` the next one, `{{ end }}` closes.
 * An unclosed block runs to the end of the text.
 */
export interface TemplateConditions {
  /** Offsets where the enclosing branches change, ascending, and the branches from there on. */
  readonly at: readonly number[];
  readonly stacks: readonly (readonly ConditionBranch[])[];
}

export function templateConditions(tags: readonly TemplateTag[]): TemplateConditions {
  const at: number[] = [];
  const stacks: ConditionBranch[][] = [];
  let stack: ConditionBranch[] = [];
  const change = (offset: number, next: ConditionBranch[]): void => {
    stack = next;
    at.push(offset);
    stacks.push(next);
  };
  for (const tag of tags) {
    const top = stack[stack.length - 1];
    if (tag.role === 'open') change(tag.end, [...stack, { open: tag.start, branch: 0 }]);
    else if (tag.role === 'middle' && top) change(tag.end, [...stack.slice(0, -1), { open: top.open, branch: top.branch + 1 }]);
    else if (tag.role === 'close' && top) change(tag.start, stack.slice(0, -1));
  }
  return { at, stacks };
}

const NONE: readonly ConditionBranch[] = [];

export function conditionsAt(conditions: TemplateConditions, offset: number): readonly ConditionBranch[] {
  const { at, stacks } = conditions;
  let lo = 0;
  let hi = at.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? NONE : stacks[found]!;
}
