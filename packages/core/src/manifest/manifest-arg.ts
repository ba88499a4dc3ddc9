import { isVerbatim, offsetMap, sourceOffset } from '../text/decoded-text.js';
import { holdsPlaceholder } from '../text/placeholders.js';
import type { FoundDnsmasq, PlacedWord } from './find-dnsmasq.js';
import type { ManifestArg } from './model.js';
import { conditionsAt } from './template-conditions.js';
import type { TemplateMask } from './template-mask.js';

/** What every part of one `readManifest` call shares. */
export interface ReadContext {
  readonly text: string;
  readonly mask: TemplateMask;
  /** Bare `snake_case` names count as placeholders (template files). */
  readonly bareNamesArePlaceholders: boolean;
  /** See ReadManifestOptions. */
  readonly minCollapsedRun?: number;
}

/** A located dnsmasq word as the model shows it: source offsets, and what the template layer knows. */
export function toManifestArg(ctx: ReadContext, word: PlacedWord): ManifestArg {
  const { value } = word.decoded;
  const start = sourceOffset(word.decoded, 0);
  const end = Math.max(start, sourceOffset(word.decoded, value.length));
  const branches = conditionsAt(ctx.mask.conditions, start);
  const base = {
    text: value,
    start,
    end,
    templated: holdsPlaceholder(value, ctx.bareNamesArePlaceholders),
    conditional: branches.length > 0,
    branches,
  };
  return isVerbatim(word.decoded) ? base : { ...base, map: offsetMap(word.decoded) };
}

/** Whether the word new arguments would follow when there are none (program name, nanny `--`) is conditional. */
export function anchorConditional(ctx: ReadContext, found: FoundDnsmasq): boolean {
  return found.anchor !== undefined && toManifestArg(ctx, found.anchor).conditional;
}
