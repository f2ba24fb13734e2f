import type {
  AccessRevokedEvent,
  ActivityEvent,
  AthleteEvent,
  AuthErrorEvent,
  AuthSuccessEvent,
  BodyEvent,
  ConnectionErrorEvent,
  DailyEvent,
  DeauthEvent,
  HealthObservationEvent,
  HormoneEvent,
  LabReportCompletedEvent,
  LabReportFailedEvent,
  LargeRequestProcessingEvent,
  LargeRequestSendingEvent,
  MenstruationEvent,
  NutritionEvent,
  PermissionChangeEvent,
  PlannedWorkoutEvent,
  S3PayloadEvent,
  SleepEvent,
  TerraUser,
  UserReauthEvent,
} from '../models/index.js';
import type {
  GoogleNoDataSourceEventJson,
  HealthcheckEventJson,
  LegacyAuthErrorEventJson,
  ProcessingEventJson,
  RateLimitHitEventJson,
  RequestCompletedEventJson,
  RequestProcessingEventJson,
} from '../webhooks/events/legacy-wire.js';

/** The wire body of an example for each webhook type. */
export interface ExamplePayloads {
  auth: AuthSuccessEvent;
  auth_cancelled: AuthErrorEvent;
  deauth: DeauthEvent;
  user_reauth: UserReauthEvent;
  access_revoked: AccessRevokedEvent;
  connection_error: ConnectionErrorEvent;
  permission_change: PermissionChangeEvent;
  google_no_datasource: GoogleNoDataSourceEventJson;
  processing: ProcessingEventJson;
  request_processing: RequestProcessingEventJson;
  request_completed: RequestCompletedEventJson;
  large_request_processing: LargeRequestProcessingEvent;
  large_request_sending: LargeRequestSendingEvent;
  rate_limit_hit: RateLimitHitEventJson;
  healthcheck: HealthcheckEventJson;
  s3_payload: S3PayloadEvent;
  'lab_report.completed': LabReportCompletedEvent;
  'lab_report.failed': LabReportFailedEvent;
  athlete: AthleteEvent;
  activity: ActivityEvent;
  body: BodyEvent;
  daily: DailyEvent;
  menstruation: MenstruationEvent;
  nutrition: NutritionEvent;
  sleep: SleepEvent;
  planned_workout: PlannedWorkoutEvent;
  hormone: HormoneEvent;
  health_observation: HealthObservationEvent;
}

const user = (): TerraUser => ({
  user_id: '40f7b0e1-89e2-43ac-a5b8-1e29c8d47cad',
  provider: 'GARMIN',
  last_webhook_update: '2026-07-01T09:12:33.891000+00:00',
  scopes: 'ACTIVITY_EXPORT,HEALTH_EXPORT',
  reference_id: 'your-user-123',
  active: true,
});
const version = '2022-03-16';
const reference = 'd3f1a9c2-6b1e-4f0a-8f21-9e5b2c7a4d10';
const day = { start_time: '2026-07-01T00:00:00.000000+01:00', end_time: '2026-07-02T00:00:00.000000+01:00' };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A realistic body for every webhook type terra-ts parses, each valid against Terra's official JSON
 * Schema where one exists. Frozen: `structuredClone` one before changing it.
 *
 * @example
 * ```ts
 * const { body, headers } = await signTestWebhook(examplePayloads.sleep, { secret: 'test-secret' });
 * ```
 */
export const examplePayloads: Readonly<ExamplePayloads> = deepFreeze<ExamplePayloads>({
  auth: {
    type: 'auth',
    status: 'success',
    message: 'User has successfully authenticated',
    widget_session_id: '3e982b74-1a94-4d9a-b6a3-f92c6e4d21b5',
    user: { ...user(), last_webhook_update: null },
  },
  auth_cancelled: {
    type: 'auth_cancelled',
    status: 'error',
    flow_id: 'b2f9c611-52c8-4a63-9082-7e50e2f5a1cd',
    reason: 'access_denied',
    reference_id: 'your-user-123',
  },
  deauth: {
    type: 'deauth',
    status: 'success',
    message: 'User has deauthenticated',
    user: { ...user(), active: false },
  },
  user_reauth: {
    type: 'user_reauth',
    status: 'warning',
    message: 'User has reauthenticated and old ID has been deleted',
    version,
    new_user: { ...user(), user_id: '9c8b7a65-4321-4fed-a0b9-87c6d5e4f321' },
    old_user: { ...user(), active: false },
  },
  access_revoked: {
    type: 'access_revoked',
    status: 'warning',
    message: 'User revoked access',
    user: { ...user(), active: false },
  },
  connection_error: {
    type: 'connection_error',
    status: 'warning',
    message:
      "Connection degraded: the provider rejected Terra's access token; the user may need to reauthenticate",
    user: user(),
  },
  permission_change: {
    type: 'permission_change',
    status: 'warning',
    message: 'User permissions have been modified',
    version,
    scopes_added: 'BODY_EXPORT',
    scopes_removed: '',
    user: { ...user(), scopes: 'ACTIVITY_EXPORT,HEALTH_EXPORT,BODY_EXPORT' },
  },
  google_no_datasource: {
    type: 'google_no_datasource',
    status: 'warning',
    message: 'User has no data source connected to Google Fit',
    user: { ...user(), provider: 'GOOGLE' },
  },
  processing: {
    type: 'processing',
    status: 'success',
    message: 'Request is processing, try again later',
    retry_after_seconds: 60,
    user: user(),
  },
  request_processing: {
    type: 'request_processing',
    status: 'success',
    message: 'Request is being processed',
    reference,
    user: user(),
  },
  request_completed: {
    type: 'request_completed',
    status: 'success',
    message: 'Request has been completed',
    reference,
    user: user(),
  },
  large_request_processing: {
    type: 'large_request_processing',
    status: 'processing',
    reference,
    message: 'Large request is being processed; payloads will be delivered when ready',
    user: user(),
  },
  large_request_sending: {
    type: 'large_request_sending',
    reference,
    message: 'Large request payloads are being sent',
    expected_payloads: 3,
    user: user(),
  },
  rate_limit_hit: {
    type: 'rate_limit_hit',
    message: 'Rate limit hit while fetching data from the provider; retrying later',
    start_date: '2026-06-01',
    end_date: '2026-07-01',
    retrying_at: '2026-07-01T10:12:33.000000+00:00',
    user: user(),
  },
  healthcheck: {
    type: 'healthcheck',
    status: 'success',
    creation_timestamp: '2026-07-01T09:00:00.000000+00:00',
    trend_percentage: 12,
    sent_webhooks_last_hour: 240,
  },
  s3_payload: {
    type: 's3_payload',
    status: 'success',
    url: 'https://terra-payload-bucket.s3.eu-west-2.amazonaws.com/payloads/40f7b0e1/activity-2026-07-01.json?X-Amz-Signature=example',
    expires_in: 300,
  },
  'lab_report.completed': {
    type: 'lab_report.completed',
    event_id: 'evt_4a2b8c1d-3f9e-4c0a-8b21-9d6e5f2a1c7b',
    occurred_at: '2026-07-01T09:12:33Z',
    upload_id: 'upl_9d6e5f2a1c7b',
    data: {
      session_id: '297405620317847552',
      reference_id: 'your-patient-123',
      report_date: '2026-06-30',
      report_locale: 'en-GB',
      results_count: 1,
      results: [
        {
          source: { name: 'Haemoglobin', value: '14.2', units: 'g/dL', collection_date: '2026-06-29' },
          biomarker: { key: 'hemoglobin', display_name: 'Hemoglobin', loinc_code: '718-7' },
          measurement: { type: 'numeric', numeric: 14.2, units: 'g/dL', ucum_code: 'g/dL' },
          interpretation: { flag: 'normal', source: 'report' },
        },
      ],
      panels: [],
    },
  },
  'lab_report.failed': {
    type: 'lab_report.failed',
    event_id: 'evt_7c1f0a92-52c8-4a63-9082-7e50e2f5a1cd',
    occurred_at: '2026-07-01T09:15:02Z',
    data: {
      session_id: '297405620317847552',
      reference_id: 'your-patient-123',
      error: { code: 'file_unreadable', message: 'The uploaded file could not be read.', retriable: false },
    },
  },
  athlete: {
    type: 'athlete',
    version,
    user: user(),
    athlete: {
      first_name: 'John',
      last_name: 'Smith',
      sex: 'male',
      date_of_birth: '1991-04-12',
      email: 'john.smith@example.com',
      city: 'San Francisco',
      country: 'United States',
    },
  },
  activity: {
    type: 'activity',
    version,
    user: user(),
    data: [
      {
        metadata: {
          name: 'Morning Run',
          summary_id: '123e4567-e89b-12d3-a456-426614174000',
          start_time: '2026-07-01T07:04:11.000000+01:00',
          end_time: '2026-07-01T07:52:48.000000+01:00',
          type: 8,
          upload_type: 1,
        },
        distance_data: { summary: { distance_meters: 8250.4, steps: 7902 } },
        calories_data: { total_burned_calories: 512.5, net_activity_calories: 431.2 },
        heart_rate_data: { summary: { avg_hr_bpm: 148.2, max_hr_bpm: 181 } },
      },
    ],
  },
  body: {
    type: 'body',
    version,
    user: user(),
    data: [
      {
        metadata: { ...day },
        measurements_data: {
          measurements: [
            {
              measurement_time: '2026-07-01T07:55:02.000000+01:00',
              weight_kg: 72.4,
              bodyfat_percentage: 17.9,
              BMI: 22.6,
            },
          ],
        },
        heart_data: { heart_rate_data: { summary: { resting_hr_bpm: 52 } } },
      },
    ],
  },
  daily: {
    type: 'daily',
    version,
    user: user(),
    data: [
      {
        metadata: { ...day, upload_type: 0 },
        distance_data: { steps: 11894, distance_meters: 9412.7 },
        calories_data: { total_burned_calories: 2450.8 },
        active_durations_data: { activity_seconds: 5340 },
      },
    ],
  },
  menstruation: {
    type: 'menstruation',
    version,
    user: user(),
    data: [
      {
        metadata: { ...day },
        menstruation_data: {
          period_start_date: '2026-06-28',
          day_in_cycle: 4,
          period_length_days: 5,
          current_phase: 1,
          is_predicted_cycle: false,
        },
      },
    ],
  },
  nutrition: {
    type: 'nutrition',
    version,
    user: user(),
    data: [
      {
        metadata: { ...day },
        summary: {
          macros: { calories: 2105, protein_g: 128.4, carbohydrates_g: 231, fat_g: 71.3 },
          water_ml: 2300,
        },
      },
    ],
  },
  sleep: {
    type: 'sleep',
    version,
    user: user(),
    data: [
      {
        metadata: {
          start_time: '2026-06-30T23:12:00.000000+01:00',
          end_time: '2026-07-01T07:02:00.000000+01:00',
          is_nap: false,
          upload_type: 1,
        },
        sleep_durations_data: {
          asleep: {
            duration_asleep_state_seconds: 25200,
            duration_deep_sleep_state_seconds: 5400,
            duration_REM_sleep_state_seconds: 5100,
          },
          awake: { duration_awake_state_seconds: 1500 },
          sleep_efficiency: 91.5,
        },
      },
    ],
  },
  planned_workout: {
    type: 'planned_workout',
    version,
    user: user(),
    data: [
      {
        planned_workout_id: 'pw_5f1c2d3e',
        workout_id: 'wk_8a7b6c5d',
        planned_date: '2026-07-03',
        provider_workout_id: '1234567890',
        created_at: '2026-07-01T09:12:33Z',
        last_updated_at: '2026-07-01T09:12:33Z',
        is_external: false,
      },
    ],
  },
  hormone: {
    type: 'hormone',
    version,
    user: user(),
    data: [
      {
        timestamp: '2026-07-01T08:00:00+02:00',
        lh_mIU_per_ml: 5.2,
        e3g_ng_per_ml: 108.5,
        pdg_ug_per_ml: 2.4,
      },
    ],
  },
  health_observation: {
    type: 'health_observation',
    version,
    user: user(),
    data: [
      {
        metadata: {
          start_time: '2026-07-01T10:00:00.000000+01:00',
          summary_id: '7C3A5D9E-1F42-4B5A-9C1D-2E8F0A6B4C3D',
        },
        observation_data: {
          category: 2,
          observation_type: 'ovulation_test_result',
          value: { value_type: 2, code: 'luteinizing_hormone_surge' },
          status: 1,
        },
      },
    ],
  },
});

/** Bodies Terra used to send that current schemas no longer list, still parsed by terra-ts. */
export const legacyExamplePayloads: Readonly<{ auth_error: LegacyAuthErrorEventJson }> = deepFreeze({
  auth_error: {
    type: 'auth',
    status: 'error',
    message: 'User failed to authenticate and has been deleted',
    reason: 'auth_cancelled',
    reference_id: 'your-user-123',
    widget_session_id: '3e982b74-1a94-4d9a-b6a3-f92c6e4d21b5',
    user: user(),
    provider: 'GARMIN',
  },
});
