// Names the data carries in both languages (a service's nameZh / nameEn), in the screen's language.
import type { Lang } from '../../contracts/errors.js';

export interface LocalNames<T = string> {
  readonly nameZh: T;
  readonly nameEn: T;
}

export function localName<T>(entity: LocalNames<T>, lang: Lang): T {
  return lang === 'zh' ? entity.nameZh : entity.nameEn;
}
