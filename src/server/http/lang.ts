import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../contracts/errors.js';

/** zh unless Accept-Language prefers English over Chinese. */
export function langOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  if (!header) return 'zh';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const lang: Lang | null = tag.startsWith('en') ? 'en' : tag.startsWith('zh') ? 'zh' : null;
    if (!lang) continue;
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (Number.isFinite(q) && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'zh';
}
