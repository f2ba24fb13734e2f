import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../support/receiver.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { assertResponse, assertSchema } from '../support/schemas.js';
import { useSandboxWithReceiver } from '../support/use-sandbox-with-receiver.js';
import { testSandboxHandle } from '../support/use-test-sandbox.js';
import { parsedByTerraTs } from '../support/verify.js';

const { t, receiver } = useSandboxWithReceiver();

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 32), Buffer.from('\n%%EOF\n')]);

function upload(file: Buffer, name = 'report.pdf', query = '', on: TestSandbox = t) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), name);
  return on.json(`/v2/lab-reports${query}`, { method: 'POST', body: form });
}

/** The full session (retrieve view) of an upload. */
async function sessionOf(uploadId: string, on: TestSandbox = t) {
  const list = await on.json(`/v2/lab-reports?upload_id=${uploadId}`);
  const one = await on.json(`/v2/lab-reports/${list.body.sessions[0].session_id}`);
  assertResponse('GET', '/lab-reports/{session_id}', 200, one.body);
  assertSchema('LabReportSession.yaml', one.body);
  return one.body;
}

/** Waits for the webhook of an upload and returns it. */
async function hookOf(uploadId: string, on: Receiver = receiver) {
  const all = await on.waitFor((list) => list.some((h) => h.json.upload_id === uploadId));
  return all.find((h) => h.json.upload_id === uploadId) as Receiver['received'][number];
}

/** A different, complete PDF per call, so each upload reads as its own report. */
let variant = 0;
const anotherPdf = () =>
  Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(`report ${++variant}`), Buffer.from('\n%%EOF\n')]);

describe('lab reports', () => {
  it('accepts a PDF upload with 202, lists, gets, and serves it back', async () => {
    const res = await upload(PDF, 'blood.pdf', '?reference_id=patient-1');
    expect(res.status).toBe(202);
    assertResponse('POST', '/lab-reports', 202, res.body);
    expect(res.body.current_status).toBe('processing');

    const list = await t.json(`/v2/lab-reports?upload_id=${res.body.upload_id}`);
    assertResponse('GET', '/lab-reports', 200, list.body);
    expect(list.body.sessions).toHaveLength(1);
    const session = list.body.sessions[0];
    expect(session).toMatchObject({ reference_id: 'patient-1', input_bytes: PDF.length });
    expect(session).not.toHaveProperty('results');

    const one = await t.json(`/v2/lab-reports/${session.session_id}`);
    assertResponse('GET', '/lab-reports/{session_id}', 200, one.body);
    assertSchema('LabReportSession.yaml', one.body);

    const files = await t.json(`/v2/lab-reports/${session.session_id}/files`);
    assertResponse('GET', '/lab-reports/{session_id}/files', 200, files.body);
    expect(files.body.files[0].filename).toBe('blood.pdf');
    const download = await fetch(files.body.files[0].presigned_url);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('completes with the values read off the file and sends them, signed, as lab_report.completed', async () => {
    const res = await upload(PDF, 'panel.pdf', '?reference_id=patient-2');
    const hook = await hookOf(res.body.upload_id);
    assertSchema('LabReportCompletedEvent.yaml', hook.json);
    const parsed = await parsedByTerraTs(hook, t.sandbox.secret);
    expect(parsed.type).toBe('lab_report.completed');
    const data = hook.json.data as Record<string, unknown> & { results: Array<Record<string, unknown>> };
    expect(data.results.length).toBeGreaterThan(0);
    expect(data.results_count).toBe(data.results.length);

    const session = await sessionOf(res.body.upload_id);
    expect(session.status_history.map((e: { status: string }) => e.status)).toEqual([
      'processing',
      'completed',
      'sent',
    ]);
    expect(session).toMatchObject({
      current_status: 'sent',
      session_id: data.session_id,
      reference_id: 'patient-2',
      report_date: data.report_date,
      report_time: data.report_time,
      report_locale: data.report_locale,
      results_count: data.results_count,
      panels: data.panels,
    });
    expect(session.output_bytes).toBeGreaterThan(0);
    // The webhook's results are the session's, each source also naming when the specimen was collected.
    expect(data.results).toEqual(
      session.results.map((r: { source: object }) => ({
        ...r,
        source: {
          ...r.source,
          collection_date: session.collection_date,
          collection_time: session.collection_time,
        },
      })),
    );
    const summary = (await t.json(`/v2/lab-reports?upload_id=${res.body.upload_id}`)).body.sessions[0];
    expect(summary).toMatchObject({ report_date: session.report_date, results_count: session.results_count });
    expect(summary).not.toHaveProperty('results');
  });

  it('reads the same file the same way every time, and a different file differently', async () => {
    const [first, second, other] = [await upload(PDF), await upload(PDF), await upload(anotherPdf())];
    const results = async (res: { body: { upload_id: string } }) => {
      await hookOf(res.body.upload_id);
      const { results: list, panels, report_date, patient_sex } = await sessionOf(res.body.upload_id);
      return { list, panels, report_date, patient_sex };
    };
    const a = await results(first);
    expect(await results(second)).toEqual(a);
    expect(await results(other)).not.toEqual(a);
  });

  it('fails a truncated PDF, sending lab_report.failed with the reason', async () => {
    const res = await upload(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog'));
    expect(res.status).toBe(202);
    const hook = await hookOf(res.body.upload_id);
    assertSchema('LabReportFailedEvent.yaml', hook.json);
    expect((await parsedByTerraTs(hook, t.sandbox.secret)).type).toBe('lab_report.failed');
    expect(hook.json.data).toMatchObject({ error: { code: 'file_unreadable', retriable: false } });
    const session = await sessionOf(res.body.upload_id);
    expect(session.current_status).toBe('failed');
    expect(session.status_history.at(-1)).toMatchObject({
      status: 'failed',
      note: expect.stringContaining('%%EOF'),
    });
    expect(session).not.toHaveProperty('results');
  });

  it('sends lab_report.completed and reports its delivery', async () => {
    const res = await upload(PDF);
    const hook = await hookOf(res.body.upload_id);
    const sessionId = (hook.json.data as { session_id: string } | undefined)?.session_id;
    await t.sandbox.waitForDeliveries((all) =>
      all.some((d) => d.type === 'lab_report.completed' && d.status === 'delivered'),
    );
    const deliveries = await t.json(`/v2/lab-reports/${sessionId}/deliveries`);
    assertResponse('GET', '/lab-reports/{session_id}/deliveries', 200, deliveries.body);
    expect(deliveries.body.deliveries[0]).toMatchObject({ status: 'delivered', attempt_count: 0 });
  });

  it('deletes a session, which then answers 404', async () => {
    const res = await upload(PDF);
    const list = await t.json(`/v2/lab-reports?upload_id=${res.body.upload_id}`);
    const id = list.body.sessions[0].session_id;
    expect((await t.call(`/v2/lab-reports/${id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await t.json(`/v2/lab-reports/${id}`);
    expect(gone.status).toBe(404);
    assertResponse('GET', '/lab-reports/{session_id}', 404, gone.body, 'application/problem+json');
  });

  it('refuses files over 20 MB with 413', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 + 1)]);
    const res = await upload(big);
    expect(res.status).toBe(413);
    assertResponse('POST', '/lab-reports', 413, res.body);
    expect(res.body.detail).toContain('20 MB');
  });

  it('refuses a file that is not a PDF or image, and a request without a file', async () => {
    const text = await upload(Buffer.from('hello, not a pdf'), 'notes.txt');
    expect(text.status).toBe(400);
    expect(text.body.detail).toContain('PDF');
    const none = await t.json('/v2/lab-reports', { method: 'POST', body: new FormData() });
    expect(none.status).toBe(400);
  });

  it('refuses a bad date filter', async () => {
    const res = await t.json('/v2/lab-reports?report_date_from=yesterday');
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('report_date_from');
  });
});

describe('lab report processing time', () => {
  let slowReceiver: Receiver | undefined;
  let slow: TestSandbox | undefined;
  let instant: TestSandbox | undefined;
  beforeAll(async () => {
    slowReceiver = await startReceiver();
    // Ten minutes: long enough that the test sees the report before it is processed.
    slow = await startTestSandbox({ webhookUrl: slowReceiver.url, labReportDelayMs: 600_000 });
    instant = await startTestSandbox({ webhookUrl: slowReceiver.url, labReportDelayMs: 0 });
  });
  afterAll(async () => {
    await slow?.sandbox.close();
    await instant?.sandbox.close();
    await slowReceiver?.close();
  });
  const running = (get: () => TestSandbox | undefined) =>
    testSandboxHandle(() => {
      const sandbox = get();
      if (!sandbox) throw new Error('the sandbox is only available inside tests');
      return sandbox;
    });
  const slowSandbox = running(() => slow);
  const instantSandbox = running(() => instant);

  it('keeps an upload processing, without results and without a webhook, until its delay has passed', async () => {
    const res = await upload(PDF, 'report.pdf', '', slowSandbox);
    const session = await sessionOf(res.body.upload_id, slowSandbox);
    expect(session.current_status).toBe('processing');
    expect(session.status_history).toEqual([{ status: 'processing', timestamp: session.uploaded_at }]);
    expect(session).not.toHaveProperty('results');
    expect(session).not.toHaveProperty('report_date');
    // Not yet read, so it has no report date for a report_date filter to match.
    const filtered = await slowSandbox.json(
      `/v2/lab-reports?report_date_from=2000-01-01&upload_id=${res.body.upload_id}`,
    );
    expect(filtered.body.sessions).toEqual([]);
    const deliveries = await slowSandbox.json(`/v2/lab-reports/${session.session_id}/deliveries`);
    expect(deliveries.body).toEqual({ deliveries: [] });
  });

  it('with a delay of 0 still answers processing first, then completes', async () => {
    const res = await upload(PDF, 'report.pdf', '', instantSandbox);
    expect(res.body).toEqual({ upload_id: res.body.upload_id, current_status: 'processing' });
    await hookOf(res.body.upload_id, slowReceiver as Receiver);
    const session = await sessionOf(res.body.upload_id, instantSandbox);
    expect(session.current_status).toBe('sent');
    expect(session.results.length).toBeGreaterThan(0);
  });
});
