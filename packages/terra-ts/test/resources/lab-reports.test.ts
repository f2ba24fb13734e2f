import { LabReports, TerraInvalidArgumentError } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { terraFor } from '../support/terra-for.js';
import type { Reply } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

let reply: Reply = {};
const server = useTestServer(() => reply);

describe('lab reports', () => {
  it('upload POSTs multipart/form-data with the file under "file" and reference_id in the query', async () => {
    reply = { status: 202, body: { upload_id: 'up-1', current_status: 'queued' } };
    const pdf = new TextEncoder().encode('%PDF-1.4 fake');
    const res = await new LabReports(terraFor(server)).upload({
      file: pdf,
      filename: 'blood.pdf',
      contentType: 'application/pdf',
      referenceId: 'patient-1',
    });
    const req = server.requests[0];
    expect([req?.method, req?.path, req?.query.get('reference_id')]).toEqual([
      'POST',
      '/v2/lab-reports',
      'patient-1',
    ]);
    expect(req?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(req?.headers['x-api-key']).toBeDefined();
    expect(req?.body).toContain('name="file"; filename="blood.pdf"');
    expect(req?.body).toContain('Content-Type: application/pdf');
    expect(req?.body).toContain('%PDF-1.4 fake');
    expect(res.status).toBe(202);
    expect(res.getParsedResponse()).toMatchObject({ kind: 'lab_report_upload', upload_id: 'up-1' });
  });

  it('upload refuses files over 20 MB before sending', async () => {
    const big = new Blob([new Uint8Array(20 * 1024 * 1024 + 1)]);
    const error = await new LabReports(terraFor(server)).upload({ file: big }).catch((e) => e);
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect(error.message).toMatch(/20 MB/);
    expect(server.requests).toHaveLength(0);
  });

  it('upload refuses a file that is not bytes', async () => {
    // @ts-expect-error: a path is not a file
    await expect(new LabReports(terraFor(server)).upload({ file: './report.pdf' })).rejects.toThrow(/Blob/);
  });

  it('list GETs /lab-reports with the filters as snake_case', async () => {
    reply = { body: { sessions: [{ session_id: 's1' }] } };
    const res = await new LabReports(terraFor(server)).list({
      referenceId: 'p',
      uploadId: 'u',
      reportDateFrom: '2024-01-01',
      reportDateTo: '2024-02-01',
      uploadedAtFrom: '2024-03-01',
      uploadedAtTo: '2024-04-01',
    });
    expect(server.requests[0]?.query.toString()).toBe(
      'reference_id=p&upload_id=u&report_date_from=2024-01-01&report_date_to=2024-02-01&uploaded_at_from=2024-03-01&uploaded_at_to=2024-04-01',
    );
    expect(res.getParsedResponse().sessions[0]?.session_id).toBe('s1');
  });

  it('get, delete, deliveries and files address /lab-reports/{session_id}', async () => {
    const terra = terraFor(server);
    reply = { body: { session_id: 's1', report_type: 'blood', current_status: 'completed' } };
    const got = await new LabReports(terra).get('s1');
    reply = { body: { deliveries: [{ destination_id: 'd', status: 'delivered', attempt_count: 1 }] } };
    const deliveries = await new LabReports(terra).deliveries('s1');
    reply = { body: { files: [{ filename: 'a.pdf', presigned_url: 'https://s3' }], expires_at: 'soon' } };
    const files = await new LabReports(terra).files('s1');
    reply = { status: 204 };
    const deleted = await new LabReports(terra).delete('s1');
    expect(server.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/v2/lab-reports/s1'],
      ['GET', '/v2/lab-reports/s1/deliveries'],
      ['GET', '/v2/lab-reports/s1/files'],
      ['DELETE', '/v2/lab-reports/s1'],
    ]);
    expect(got.getParsedResponse().session.report_type).toBe('blood');
    expect(deliveries.getParsedResponse().deliveries[0]?.status).toBe('delivered');
    expect(files.getParsedResponse().files[0]?.presigned_url).toBe('https://s3');
    expect(files.getParsedResponse().expires_at).toBe('soon');
    expect(deleted.getParsedResponse().kind).toBe('deleted');
  });

  it('escapes ids in paths', async () => {
    reply = { body: { session_id: 'a b:c' } };
    await new LabReports(terraFor(server)).get('a b:c');
    expect(server.requests[0]?.path).toBe('/v2/lab-reports/a%20b%3Ac');
  });
});
