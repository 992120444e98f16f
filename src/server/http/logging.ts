// Log options: personal data never reaches a log line, whether in a body, a header or a URL.
import type { FastifyRequest } from 'fastify';

const PII_PARAM = /^(id_?card|idcard|phone|mobile|tel|name)$/i;

/** Replaces the values of personal query parameters (the legacy API sends some) with ***. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  try {
    return `${url.slice(0, q)}?${redactParams(url.slice(q + 1))}`;
  } catch {
    // A malformed %-sequence: say nothing of the query rather than risk leaking it.
    return `${url.slice(0, q)}?***`;
  }
}

function redactParams(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      return eq >= 0 && PII_PARAM.test(key) ? `${pair.slice(0, eq)}=***` : pair;
    })
    .join('&');
}

export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'idCard',
        'phone',
        'idcard',
        '*.idCard',
        '*.phone',
        '*.idcard',
        '*.*.idCard',
        '*.*.phone',
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["idempotency-key"]',
      ],
      censor: '***',
    },
    serializers: {
      req(request: FastifyRequest) {
        return {
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        };
      },
    },
  };
}
