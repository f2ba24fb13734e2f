/** The connected user the fake API and the webhook payloads talk about (wire shape, snake_case). */
export const terraUser = {
  user_id: 'rt-user-1',
  provider: 'OURA',
  reference_id: 'customer-42',
  created_at: '2026-11-01T08:00:00.000000+00:00',
  last_webhook_update: null,
  scopes: 'sleep:read',
  active: true,
};

/** A `sleep` data webhook event, as Terra delivers it. */
export const sleepPayload = {
  type: 'sleep',
  user: terraUser,
  version: '2022-03-16',
  data: [
    {
      metadata: {
        summary_id: 'sleep-summary-1',
        start_time: '2026-11-20T22:41:00.000000+00:00',
        end_time: '2026-11-21T06:58:00.000000+00:00',
        upload_type: 1,
        is_nap: false,
      },
      sleep_durations_data: { asleep: { duration_asleep_state_seconds: 26_400 } },
    },
  ],
};

/** An `auth` success event: a non-data event, for the Fetch adapter's handler dispatch. */
export const authPayload = {
  type: 'auth',
  status: 'success',
  user: terraUser,
  reference_id: 'customer-42',
  widget_session_id: 'widget-session-1',
  message: 'User has successfully authenticated',
};
