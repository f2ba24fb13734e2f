import { optionalDayParam } from '../data/date-range.js';
import { labReportFileType } from '../data/file-type.js';
import { readBody } from '../http/body.js';
import type { RequestContext } from '../http/context.js';
import { parseMultipart } from '../http/multipart.js';
import { badRequest, HttpProblem, notFound } from '../http/problem.js';
import { send, sendEmpty, sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';
import type { SandboxRuntime } from '../runtime.js';
import type { LabReport } from '../state/lab-reports.js';

/** Terra refuses lab report uploads over 20 MB. */
export const LAB_REPORT_LIMIT = 20 * 1024 * 1024;
/** Presigned download URLs are valid this long. */
const FILE_URL_LIFETIME_MS = 15 * 60 * 1000;

async function upload(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  // The multipart envelope adds a little over the file itself; allow for it.
  const body = await readBody(ctx.req, LAB_REPORT_LIMIT + 64 * 1024);
  const file = parseMultipart(body, ctx.req.headers['content-type']).find((p) => p.name === 'file');
  if (!file || file.data.length === 0)
    throw badRequest('multipart field "file" is required and must not be empty');
  if (file.data.length > LAB_REPORT_LIMIT) {
    throw new HttpProblem(413, 'file exceeds the 20 MB limit; upload a smaller file');
  }
  const type = labReportFileType(file.data);
  if (!type) throw badRequest('unsupported file type; upload a PDF, PNG, JPEG, GIF or WebP file');
  const referenceId = ctx.query.get('reference_id');
  const input: Parameters<typeof sandbox.labReports.add>[0] = {
    filename: file.filename ?? 'report',
    contentType: type,
    data: file.data,
  };
  if (referenceId) input.referenceId = referenceId;
  const report = sandbox.labReports.add(input);
  await sendJson(ctx, 202, { upload_id: report.session.upload_id, current_status: 'processing' });
  sandbox.labReportProcessor.schedule(report);
}

function summaryOf(report: LabReport): Record<string, unknown> {
  const { results: _results, panels: _panels, ...summary } = report.session;
  return summary;
}

function list(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const q = ctx.query;
  const referenceId = q.get('reference_id');
  const uploadId = q.get('upload_id');
  const reportFrom = optionalDayParam(ctx.query, 'report_date_from');
  const reportTo = optionalDayParam(ctx.query, 'report_date_to');
  const uploadedFrom = optionalDayParam(ctx.query, 'uploaded_at_from');
  const uploadedTo = optionalDayParam(ctx.query, 'uploaded_at_to');
  // A report still processing has no report_date yet: any report_date filter leaves it out.
  const inRange = (day: string | undefined, from?: string, to?: string) =>
    (from === undefined || (day !== undefined && day >= from)) &&
    (to === undefined || (day !== undefined && day <= to));
  const sessions = sandbox.labReports
    .list()
    .filter(({ session: s }) => !referenceId || s.reference_id === referenceId)
    .filter(({ session: s }) => !uploadId || s.upload_id === uploadId)
    .filter(({ session: s }) => inRange(s.report_date, reportFrom, reportTo))
    .filter(({ session: s }) => inRange(s.uploaded_at.slice(0, 10), uploadedFrom, uploadedTo))
    .map(summaryOf);
  return sendJson(ctx, 200, { sessions });
}

function report(sandbox: SandboxRuntime, ctx: RequestContext): LabReport {
  const id = ctx.params.sessionId as string;
  if (!/^\d+$/.test(id)) throw badRequest(`session_id must be a numeric snowflake id, got ${id}`);
  const found = sandbox.labReports.get(id);
  if (!found) throw notFound(`lab report session not found: ${id}`);
  return found;
}

function deliveries(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const found = report(sandbox, ctx);
  const delivery = found.deliveryId ? sandbox.deliveries.get(found.deliveryId) : undefined;
  if (!delivery) return sendJson(ctx, 200, { deliveries: [] });
  const last = delivery.attempts.at(-1);
  const entry: Record<string, unknown> = {
    destination_id: 'webhook',
    destination_type: 'webhook',
    // Terra's vocabulary is pending / delivered / failed; a delivery awaiting a retry is pending.
    status: delivery.status === 'retrying' ? 'pending' : delivery.status,
    // Terra counts retries: 0 for a delivery that needed only its first attempt.
    attempt_count: Math.max(0, delivery.attempts.length - 1),
  };
  if (delivery.status !== 'delivered' && last?.error) entry.last_error = last.error;
  return sendJson(ctx, 200, { deliveries: [entry] });
}

function files(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const found = report(sandbox, ctx);
  const expires = Date.now() + FILE_URL_LIFETIME_MS;
  const url = `${sandbox.origin}/sandbox/files/${found.session.session_id}/${found.token}?expires=${expires}`;
  return sendJson(ctx, 200, {
    files: [{ filename: found.filename, presigned_url: url }],
    expires_at: new Date(expires).toISOString(),
  });
}

function download(sandbox: SandboxRuntime, ctx: RequestContext): Promise<void> {
  const found = sandbox.labReports.get(ctx.params.sessionId as string);
  const expires = Number(ctx.query.get('expires'));
  if (!found || found.token !== ctx.params.token || !(expires > Date.now())) {
    throw notFound('file not found or its link expired; list the files again for a fresh URL');
  }
  return send(
    ctx,
    200,
    {
      'content-type': found.contentType,
      'content-disposition': `attachment; filename="${found.filename.replace(/"/g, '')}"`,
    },
    found.data,
  );
}

/** `/lab-reports`: upload (multipart, 20 MB), list, get, delete, deliveries, files. */
export function registerLabReportRoutes(router: Router, sandbox: SandboxRuntime): void {
  const path = '/lab-reports/:sessionId';
  router.addApi({ method: 'POST', path: '/lab-reports', handler: (ctx) => upload(sandbox, ctx) });
  router.addApi({ method: 'GET', path: '/lab-reports', handler: (ctx) => list(sandbox, ctx) });
  router.addApi({ method: 'GET', path, handler: (ctx) => sendJson(ctx, 200, report(sandbox, ctx).session) });
  router.addApi({
    method: 'DELETE',
    path,
    handler: (ctx) => {
      sandbox.labReports.delete(report(sandbox, ctx).session.session_id);
      return sendEmpty(ctx, 204);
    },
  });
  router.addApi({ method: 'GET', path: `${path}/deliveries`, handler: (ctx) => deliveries(sandbox, ctx) });
  router.addApi({ method: 'GET', path: `${path}/files`, handler: (ctx) => files(sandbox, ctx) });
  // The "presigned" download URL: public, guarded by an unguessable token and an expiry.
  router.add({
    method: 'GET',
    path: '/sandbox/files/:sessionId/:token',
    handler: (ctx) => download(sandbox, ctx),
  });
}
