import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../support/receiver.js';
import { GARMIN_USER, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { assertResponse, assertSchema } from '../support/schemas.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'terra-sandbox-')), 'state.json');
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from('persisted report'),
  Buffer.from('\n%%EOF\n'),
]);
const TEMPLATE = {
  name: 'Hill repeats',
  sport: 'running',
  step_blocks: [
    {
      completion_condition: { type: 'reps', value: 6 },
      steps: [{ completion_condition: { type: 'time', value: 90 }, intensity_type: 'active' }],
    },
  ],
};
const json = (method: string, body: unknown) => ({ method, body: JSON.stringify(body) });

function upload(t: TestSandbox, file: Buffer, query = '') {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), 'panel.pdf');
  return t.json(`/v2/lab-reports${query}`, { method: 'POST', body: form });
}

async function sessionOf(t: TestSandbox, uploadId: string) {
  const list = await t.json(`/v2/lab-reports?upload_id=${uploadId}`);
  return t.json(`/v2/lab-reports/${list.body.sessions[0].session_id}`);
}

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function sandboxOn(file: string, receiver: Receiver, labReportDelayMs = 0): Promise<TestSandbox> {
  const t = await startTestSandbox({ dataFile: file, webhookUrl: receiver.url, labReportDelayMs });
  open.push(t.sandbox);
  return t;
}

describe('--data persistence over HTTP', () => {
  it('keeps workouts, planned workouts, lab reports and connect sessions across a restart', async () => {
    const file = tempFile();
    const receiver = await startReceiver();
    open.push(receiver);
    const first = await sandboxOn(file, receiver);

    const workoutId = (await first.json('/v2/workouts', json('POST', TEMPLATE))).body.workout_id as string;
    const planned = await first.json(
      `/v2/workouts/${workoutId}/plan?user_id=${GARMIN_USER}`,
      json('POST', { planned_date: '2026-05-01' }),
    );
    const plannedId = planned.body.planned_workout_id as string;
    await first.json(
      `/v2/plannedWorkouts/${plannedId}?user_id=${GARMIN_USER}`,
      json('PATCH', { planned_date: '2026-05-03' }),
    );
    const uploaded = await upload(first, PDF, '?reference_id=patient-7');
    await receiver.waitFor((all) => all.some((h) => h.json.upload_id === uploaded.body.upload_id));
    await first.sandbox.waitForDeliveries((all) => all.every((d) => d.status === 'delivered'));
    const reportBefore = await sessionOf(first, uploaded.body.upload_id);
    const redirect = { auth_success_redirect_url: 'https://app.example.com/connected' };
    const widget = await first.json(
      '/v2/auth/generateWidgetSession',
      json('POST', { providers: 'GARMIN', reference_id: 'widget-after-restart', ...redirect }),
    );
    const authUrl = await first.json(
      '/v2/auth/authenticateUser?resource=OURA',
      json('POST', { reference_id: 'after-restart', ...redirect }),
    );
    await first.sandbox.close();

    const second = await sandboxOn(file, receiver);
    const template = await second.json(`/v2/workouts/${workoutId}`);
    expect(template.status).toBe(200);
    assertSchema('WorkoutTemplate.yaml', template.body);
    expect(template.body).toMatchObject({ ...TEMPLATE, workout_id: workoutId });
    const list = await second.json(`/v2/plannedWorkouts?user_id=${GARMIN_USER}`);
    assertResponse('GET', '/plannedWorkouts', 200, list.body);
    expect(list.body).toEqual([
      expect.objectContaining({
        planned_workout_id: plannedId,
        workout_id: workoutId,
        planned_date: '2026-05-03',
      }),
    ]);
    // Ids carry on from where the first run stopped: none is handed out twice.
    const next = await second.json('/v2/workouts', json('POST', TEMPLATE));
    expect(Number(next.body.workout_id)).toBeGreaterThan(Number(workoutId));

    const reportAfter = await sessionOf(second, uploaded.body.upload_id);
    assertResponse('GET', '/lab-reports/{session_id}', 200, reportAfter.body);
    expect(reportAfter.body).toEqual(reportBefore.body);
    expect(reportAfter.body.results.length).toBeGreaterThan(0);
    const files = await second.json(`/v2/lab-reports/${reportAfter.body.session_id}/files`);
    const download = await fetch(files.body.files[0].presigned_url);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    const deliveries = await second.json(`/v2/lab-reports/${reportAfter.body.session_id}/deliveries`);
    expect(deliveries.body.deliveries).toEqual([expect.objectContaining({ status: 'delivered' })]);
    const another = await upload(second, Buffer.concat([PDF, Buffer.from(' ')]));
    const anotherSession = await sessionOf(second, another.body.upload_id);
    expect(BigInt(anotherSession.body.session_id)).toBeGreaterThan(BigInt(reportAfter.body.session_id));

    // The connect links handed out before the restart still work on the new server.
    const widgetPath = new URL(widget.body.url).pathname;
    const consent = await fetch(`${second.sandbox.url}${widgetPath}/GARMIN`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=allow',
      redirect: 'manual',
    });
    expect(consent.status).toBe(303);
    const connected = new URL(consent.headers.get('location') ?? '').searchParams.get('user_id');
    const widgetUser = await second.json(`/v2/userInfo?user_id=${connected}`);
    expect(widgetUser.body.user).toMatchObject({ provider: 'GARMIN', reference_id: 'widget-after-restart' });
    const authPath = new URL(authUrl.body.auth_url).pathname;
    const allowed = await fetch(`${second.sandbox.url}${authPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=allow',
      redirect: 'manual',
    });
    expect(allowed.status).toBe(303);
    const promised = await second.json(`/v2/userInfo?user_id=${authUrl.body.user_id}`);
    expect(promised.body.user).toMatchObject({ provider: 'OURA', reference_id: 'after-restart' });
  });

  it('finishes a lab report that was still processing at shutdown, and sends its webhook', async () => {
    const file = tempFile();
    const receiver = await startReceiver();
    open.push(receiver);
    const first = await sandboxOn(file, receiver, 600_000);
    const uploaded = await upload(first, PDF);
    expect((await sessionOf(first, uploaded.body.upload_id)).body.current_status).toBe('processing');
    await first.sandbox.close();

    const second = await sandboxOn(file, receiver);
    const [hook] = (
      await receiver.waitFor((all) => all.some((h) => h.json.upload_id === uploaded.body.upload_id))
    ).filter((h) => h.json.upload_id === uploaded.body.upload_id);
    assertSchema('LabReportCompletedEvent.yaml', hook?.json);
    const session = await sessionOf(second, uploaded.body.upload_id);
    expect(session.body.status_history.map((e: { status: string }) => e.status)).toEqual([
      'processing',
      'completed',
      'sent',
    ]);
  });
});
