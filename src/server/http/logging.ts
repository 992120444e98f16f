// Log options: personal data never reaches a log line, whether in a body, a header or a URL.
// Requests are logged once each, when answered, through pino's asynchronous destination.
import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { type Bindings, type ChildLoggerOptions, pino } from 'pino';

// The key without an array or object suffix (`idcard[]`, `phone[0]`, `person[idCard]` -> its last name).
const PII_PARAM = /(^|\[)(id_?card|idcard|id_?no|phone|mobile|tel|name)\]?(\[\d*\])?$/i;

// Numbers that look like an ID card (18 or 15 digits) or a mainland mobile phone (+86 or not), standing alone:
// not part of a longer word, so a 办事编号 such as Y202611250900123 is left as it is.
const PII_NUMBER = '(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15}|(?:86)?1[3-9]\\d{9})(?![0-9A-Za-z])';
const PII_NUMBER_ONCE = new RegExp(PII_NUMBER);
const PII_NUMBER_ALL = new RegExp(PII_NUMBER, 'g');
const hasPiiNumber = (text: string) => PII_NUMBER_ONCE.test(text);
const hidePiiNumbers = (text: string) => text.replace(PII_NUMBER_ALL, '***');

// Every personal number is 11 digits or more in a row, and every personal parameter's name holds one of
// these words. A URL with neither, and nothing %-escaped or +-spaced that decoding could turn into them,
// is logged as it is without the full pass (most requests: /api/v1/services?date=2026-11-26).
const MAYBE_PII = /\d{11}|[%+]|id_?card|idcard|id_?no|phone|mobile|tel|name/i;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Hides ID and phone numbers written anywhere in a path (someone may put them in a path segment). */
function redactPath(path: string): string {
  const plain = decoded(path);
  return hasPiiNumber(plain) ? hidePiiNumbers(plain) : path;
}

/** Replaces the values of personal query parameters (the legacy API sends some) with ***. */
export function redactUrl(url: string): string {
  if (!MAYBE_PII.test(url)) return url;
  const q = url.indexOf('?');
  const path = redactPath(q < 0 ? url : url.slice(0, q));
  if (q < 0) return path;
  try {
    return `${path}?${redactParams(url.slice(q + 1))}`;
  } catch {
    // A malformed %-sequence: say nothing of the query rather than risk leaking it.
    return `${path}?***`;
  }
}

function redactParams(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      if (eq >= 0 && PII_PARAM.test(key)) return `${pair.slice(0, eq)}=***`;
      // Any other value holding an ID or phone number is hidden too.
      return eq >= 0 && hasPiiNumber(decoded(pair.slice(eq + 1))) ? `${pair.slice(0, eq)}=***` : pair;
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

/**
 * Lines are gathered into writes of up to PIPE_BUF bytes: each asynchronous write is a round trip
 * through libuv's thread pool (a futex wake each way), and one per line or two cost the busiest read
 * about a fifth of its throughput. A write of at most PIPE_BUF whole lines is atomic on a pipe, so
 * the lines of several workers sharing stdout never interleave. At low traffic a line waits at most
 * FLUSH_MS; what is left is written when the process exits (pino's exit hook).
 */
const PIPE_BUF = 4096;
const BATCH_BYTES = 3072;
const FLUSH_MS = 250;

/** Loggers made by createLogger: pino's default line format, no mixin, hooks or formatters (see RequestLog). */
const plainLoggers = new WeakSet<object>();

/** The process's logger: JSON lines on stdout, written asynchronously in batches. */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: false, minLength: BATCH_BYTES, maxWrite: PIPE_BUF, periodicFlush: FLUSH_MS }),
): pino.Logger {
  const logger = pino(loggerOptions(level), destination);
  plainLoggers.add(logger);
  return logger;
}

type AnyLogFn = (...args: unknown[]) => void;

/**
 * A request's logger, made only when something is logged through it. Fastify makes a child logger
 * for every request (to bind its reqId), and pino builds the child's bindings through the redaction
 * pass each time: a tenth of the cost of a cached read, for a logger that most requests never use
 * (their one line is written by RequestLog, which knows the reqId). The first call makes the real
 * child with the same bindings and options, and every call goes to it.
 */
class LazyChildLogger {
  #real: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private get real(): FastifyBaseLogger {
    this.#real ??= this.parent.child(this.bindings, this.options);
    return this.#real;
  }

  get level(): string {
    return this.#real?.level ?? this.options.level ?? this.parent.level;
  }

  set level(level: string) {
    this.real.level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.real.child(bindings, options);
  }

  // fatal … silent: each passes its call to the real child.
  static {
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const) {
      Object.defineProperty(LazyChildLogger.prototype, level, {
        value(this: LazyChildLogger, ...args: unknown[]): void {
          (this.real[level] as AnyLogFn)(...args);
        },
      });
    }
  }
}

/** Fastify's childLoggerFactory: each request's logger (request.log) is made on first use. */
export function lazyChildLogger(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  return new LazyChildLogger(logger, bindings, options) as unknown as FastifyBaseLogger;
}

/**
 * One line per request, when it has been answered: id, method, URL (redacted), status, time in ms
 * and address. Fastify's own pair ("incoming request" + "request completed") doubled the cost of
 * logging on the busiest paths, and its "Route … not found" line would carry the raw URL.
 *
 * The line is written without pino's redaction pass, which costs more than the rest of the line:
 * it holds only the fields below, its URL already redacted, never a body or a header. Failed
 * requests (with an error object) go through the redacting logger.
 *
 * With a logger from createLogger the line is put together here, in pino's own format (level,
 * time, the logger's bindings, the fields, msg), and handed to the logger's destination: pino's
 * generic path (a serializer lookup and a string escape per field) was a third of the cost of
 * logging a cached read. The strings are escaped with JSON.stringify; the numbers are numbers.
 */
const INFO_OR_FINER = new Set(['info', 'debug', 'trace']);

interface LoggerInternals {
  [pino.symbols.streamSym]: pino.DestinationStream;
  [pino.symbols.chindingsSym]: string;
}

export class RequestLog extends LogController {
  private readonly lines: FastifyBaseLogger | undefined;
  /** The destination and the fixed parts of a line, when this class may write it itself. */
  private readonly direct: { stream: pino.DestinationStream; head: string; bindings: string } | undefined;

  constructor(logger?: FastifyBaseLogger) {
    super();
    this.lines = logger?.child({}, { redact: [] });
    if (logger && this.lines && plainLoggers.has(logger)) {
      const own = this.lines as unknown as LoggerInternals;
      this.direct = { stream: own[pino.symbols.streamSym], head: `{"level":${pino.levels.values.info},"time":`, bindings: own[pino.symbols.chindingsSym] };
    }
  }

  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) {
      reply.log.error({ req: request, res: reply, responseTime: reply.elapsedTime, err: error }, 'request failed');
      return;
    }
    if (!this.lines || !INFO_OR_FINER.has(this.lines.level)) return;
    const direct = this.direct;
    if (direct) {
      const ms = Math.round(reply.elapsedTime * 100) / 100;
      const ip = request.ip;
      // As pino would: a field without a value is left out, a number that is not finite is null.
      direct.stream.write(
        `${direct.head}${Date.now()}${direct.bindings},"reqId":${JSON.stringify(request.id)},"method":${JSON.stringify(request.method)},"url":${JSON.stringify(redactUrl(request.url))},"status":${reply.statusCode},"ms":${Number.isFinite(ms) ? ms : null}${ip === undefined ? '' : `,"ip":${JSON.stringify(ip)}`},"msg":"request"}\n`,
      );
      return;
    }
    this.lines.info(
      {
        reqId: request.id,
        method: request.method,
        url: redactUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
        ip: request.ip,
      },
      'request',
    );
  }
}
