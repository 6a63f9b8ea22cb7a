/** Every failure leaves the server as `{ code, message, details? }` with httpStatusOf(code). */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { AppError, ERROR_MESSAGES, httpStatusOf, type ErrorBody, type ErrorCode } from '../../shared/errors.ts';
import { EpochChangedError } from '../sync/pull.ts';

function body(code: ErrorCode, details?: unknown): ErrorBody {
  return { code, message: ERROR_MESSAGES[code].zh, ...(details === undefined ? {} : { details }) };
}

/** Maps framework errors (bad JSON, body too large, wrong content type) to our codes. */
function fromFastify(err: FastifyError): ErrorCode {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof EpochChangedError) {
      return reply.code(409).send({ code: 'SYNC_EPOCH_CHANGED', message: ERROR_MESSAGES.SYNC_EPOCH_CHANGED.zh, epoch: err.epoch });
    }
    if (err instanceof AppError) {
      req.log.info({ code: err.code }, 'request refused');
      return reply.code(httpStatusOf(err.code)).send(err.toBody());
    }
    if (err instanceof ZodError) {
      const issues = err.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply.code(400).send(body('VALIDATION_FAILED', issues));
    }
    const code = fromFastify(err);
    if (code === 'INTERNAL') req.log.error({ err }, 'internal error');
    return reply.code(httpStatusOf(code)).send(body(code, code === 'INTERNAL' ? undefined : { reason: err.code ?? err.message }));
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(body('NOT_FOUND')));
}
