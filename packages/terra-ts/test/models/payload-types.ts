/**
 * Type-level checks of the generated models, compiled by `types.test.ts` (and by `npm run typecheck`).
 * Every `@ts-expect-error` line must stay an error: if a model loosens, the directive becomes unused and fails.
 */
import { expectTypeOf } from 'vitest';
import type {
  Activity,
  ActivityEvent,
  ActivityMetadata,
  HeartRateDataSample,
  LabReportBiomarker,
  Sleep,
  SleepEvent,
  SleepHypnogramSample,
  TerraUser,
  WebhookEventType,
} from '../../src/models/index.js';
import { ActivityType, SleepLevel, TimestampLocalization, UploadType } from '../../src/models/index.js';

const user = {
  user_id: 'a0a7c4f5-5c3e-4bbf-9c6a-2a8f6d7e1b11',
  provider: 'GARMIN',
  reference_id: null,
  active: true,
} satisfies TerraUser;

export const activity = {
  metadata: {
    start_time: '2026-11-20T07:00:00.000000+00:00',
    end_time: '2026-11-20T07:45:00.000000+00:00',
    summary_id: 'act-1',
    type: ActivityType.RUNNING,
    upload_type: UploadType.AUTOMATIC,
    timestamp_localization: TimestampLocalization.UTC,
    name: 'Morning run',
    city: null,
  },
  heart_rate_data: {
    summary: { avg_hr_bpm: 141, max_hr_bpm: 172 },
    detailed: { hr_samples: [{ timestamp: '2026-11-20T07:00:05.000000+00:00', bpm: 120, context: 1 }] },
  },
  distance_data: { summary: { distance_meters: 8000 } },
  position_data: { position_samples: [{ coords_lat_lng_deg: [51.5, -0.12], timestamp: null }] },
  data_enrichment: { strain_contributors: { hr: 0.5, duration: 0.5 } },
  MET_data: null,
} satisfies Activity;

export const sleep = {
  metadata: {
    start_time: '2026-11-19T23:10:00.000000+00:00',
    end_time: '2026-11-20T06:40:00.000000+00:00',
    upload_type: 1,
    is_nap: false,
  },
  sleep_durations_data: {
    hypnogram_samples: [
      { timestamp: '2026-11-19T23:10:00.000000+00:00', level: SleepLevel.AWAKE },
      { timestamp: '2026-11-19T23:40:00.000000+00:00', level: SleepLevel.DEEP_SLEEP },
    ],
  },
} satisfies Sleep;

export const sleepEvent = { type: 'sleep', user, data: [sleep], version: '2022-03-16' } satisfies SleepEvent;

// Terra can add enum values without breaking compiled code: an unknown number still fits the field.
export const futureActivity: ActivityMetadata['type'] = 9999;
export const futureLevel: SleepHypnogramSample['level'] = 42;
export const futureContext: HeartRateDataSample['context'] = 77;

expectTypeOf(ActivityType.RUNNING).toEqualTypeOf<8>();
expectTypeOf(SleepLevel.DEEP_SLEEP).toEqualTypeOf<5>();
expectTypeOf<SleepLevel>().toEqualTypeOf<0 | 1 | 2 | 3 | 4 | 5 | 6>();
expectTypeOf<Activity['metadata']>().toEqualTypeOf<ActivityMetadata>();
expectTypeOf<Activity['MET_data']>().toEqualTypeOf<
  import('../../src/models/index.js').METData | null | undefined
>();
expectTypeOf<ActivityEvent['type']>().toEqualTypeOf<'activity'>();
expectTypeOf<LabReportBiomarker['key']>().toEqualTypeOf<string | null>();

function describeEvent(event: WebhookEventType): string {
  // The literal `type` narrows the union to one event shape.
  if (event.type === 'sleep') return `${event.data.length} sleep sessions for ${event.user.user_id}`;
  return event.type;
}
export const described = describeEvent(sleepEvent);

// @ts-expect-error Activity needs its metadata.
export const noMetadata: Activity = {};

// @ts-expect-error an activity type is a number on the wire, never a name.
export const namedType: ActivityMetadata['type'] = 'RUNNING';

// @ts-expect-error summary_id is required on ActivityMetadata.
export const noSummary: ActivityMetadata = { start_time: '', end_time: '', type: 8, upload_type: 1 };

// @ts-expect-error wire names stay snake_case; there is no camelCase copy.
export const camel: TerraUser = { userId: 'x', provider: 'GARMIN' };

type PositionSample = NonNullable<NonNullable<Activity['position_data']>['position_samples']>[number];
// @ts-expect-error a position is a [lat, lng] pair.
export const badCoords: PositionSample = { coords_lat_lng_deg: [1] };
