// Filling a template. What can be filled is filled; sections are kept or dropped by whether
// their placeholder has a value; anything else stays exactly as written, so the linter's
// `unfilled-placeholder` rule shows the user what is still missing instead of a silent gap.
import { isPlaceholder, type Placeholder } from './placeholders.js';

export type FillValues = Partial<Record<Placeholder, string | number | null | undefined>>;

const SECTION = /\{([#^])\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)?)\s*\}((?:(?!\{[#^]\s*[A-Za-z])[\s\S])*?)\{\/\s*\2\s*\}/g;
const VALUE = /\{\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)?)\s*\}/g;

function valueOf(values: FillValues, name: string): string | null {
  if (!isPlaceholder(name)) return null;
  const v = values[name];
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

export interface Rendered {
  text: string;
  /** Placeholders left in the text because nothing fills them (unknown names included). */
  unfilled: string[];
}

export function renderTemplate(text: string, values: FillValues): Rendered {
  let out = text;
  // Innermost sections first (the pattern refuses a section that contains another opening tag),
  // until none is left, so sections may nest.
  for (let guard = 0; guard < 50; guard++) {
    const next = out.replace(SECTION, (_all, sigil: string, name: string, inner: string) =>
      (valueOf(values, name) !== null) === (sigil === '#') ? inner : '',
    );
    if (next === out) break;
    out = next;
  }
  const unfilled = new Set<string>();
  out = out.replace(VALUE, (all, name: string) => {
    const v = valueOf(values, name);
    if (v === null) {
      unfilled.add(name);
      return all;
    }
    return v;
  });
  return { text: out, unfilled: [...unfilled] };
}

/** The first word of a name, for `firstName`-style placeholders when no given name is recorded. */
export function firstWord(name: string | null | undefined): string | null {
  const w = name?.trim().split(/\s+/)[0];
  return w ? w : null;
}
