import { describe, expect, it } from 'vitest';
import type { Receiver } from '../support/receiver.js';
import { assertResponse, assertSchema } from '../support/schemas.js';
import { useSandboxWithReceiver } from '../support/use-sandbox-with-receiver.js';
import { parsedByTerraTs } from '../support/verify.js';

const { t, receiver } = useSandboxWithReceiver();

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 32), Buffer.from('\n%%EOF\n')]);

function upload(file: Buffer, name = 'report.pdf', query = '') {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), name);
  return t.json(`/v2/lab-reports${query}`, { method: 'POST', body: form });
}

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

  it('sends lab_report.completed and reports its delivery', async () => {
    const res = await upload(PDF);
    const hooks = await receiver.waitFor((all) =>
      all.some((h) => h.json.type === 'lab_report.completed' && h.json.upload_id === res.body.upload_id),
    );
    const hook = hooks.find((h) => h.json.upload_id === res.body.upload_id);
    assertSchema('LabReportCompletedEvent.yaml', hook?.json);
    expect((await parsedByTerraTs(hook as Receiver['received'][number], t.sandbox.secret)).type).toBe(
      'lab_report.completed',
    );
    const sessionId = (hook?.json.data as { session_id: string } | undefined)?.session_id;
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
