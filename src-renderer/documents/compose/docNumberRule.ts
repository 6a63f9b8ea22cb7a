/** 文号 field validation with the one parser in shared/domain/docNumber.ts. Empty is allowed (not every document has one). */
import { parseDocNumber, type DocNumber } from '../../../shared/domain/docNumber.ts';
import { ERROR_MESSAGES } from '../../../shared/errors.ts';
import type { Lang } from '../../api/errors.ts';

export type DocNumberCheck = { ok: true; value: DocNumber | null } | { ok: false; message: string };

export function checkDocNumber(text: string | undefined | null, lang: Lang): DocNumberCheck {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return { ok: true, value: null };
  const parsed = parseDocNumber(trimmed);
  return parsed ? { ok: true, value: parsed } : { ok: false, message: ERROR_MESSAGES.DOC_NUMBER_INVALID[lang === 'en-US' ? 'en' : 'zh'] };
}

/** An antd Form rule for the 文号 field. */
export function docNumberRule(lang: Lang) {
  return {
    validator: async (_rule: unknown, value: string | undefined) => {
      const r = checkDocNumber(value, lang);
      if (!r.ok) throw new Error(r.message);
    },
  };
}
