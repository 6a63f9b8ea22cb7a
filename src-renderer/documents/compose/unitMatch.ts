/**
 * Unit search for the picker: by Chinese name (full or short), by pinyin initials (Unit.pinyin, e.g. SFGW for
 * 市发展和改革委员会; computed with pinyin-pro when the directory has none) or by full pinyin (daoli).
 */
import { pinyin } from 'pinyin-pro';
import type { RecipientGroup, Unit } from '../../../shared/schemas/directory.ts';

const keys = new Map<string, { initials: string; full: string }>();

function pinyinKeys(u: Unit): { initials: string; full: string } {
  let k = keys.get(u.code);
  if (!k) {
    const syllables = pinyin(u.shortName, { toneType: 'none', type: 'array' });
    const computed = pinyin(u.name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toUpperCase();
    k = { initials: `${u.pinyin.toUpperCase()} ${computed}`, full: syllables.join('').toLowerCase() };
    keys.set(u.code, k);
  }
  return k;
}

export function matchesUnit(u: Unit, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  if (u.name.includes(q) || u.shortName.includes(q)) return true;
  if (/^[a-z]+$/i.test(q)) {
    const k = pinyinKeys(u);
    return k.initials.includes(q.toUpperCase()) || k.full.startsWith(q.toLowerCase());
  }
  return false;
}

export function filterUnits(units: Unit[], query: string): Unit[] {
  return units.filter((u) => !u.disabled && matchesUnit(u, query)).sort((a, b) => a.sortOrder - b.sortOrder);
}

/** Toggles a group: adds every unit of it, or removes them all when all were chosen already. */
export function toggleGroup(value: string[], group: RecipientGroup, allowed: (code: string) => boolean): string[] {
  const codes = group.unitCodes.filter(allowed);
  const chosen = new Set(value);
  const all = codes.length > 0 && codes.every((c) => chosen.has(c));
  if (all) return value.filter((c) => !codes.includes(c));
  for (const c of codes) chosen.add(c);
  return [...chosen];
}
