export { type JsonOf, TerraApiResponse, type TerraApiResponseInit } from './client/api-response.js';
export { DEFAULT_BASE_URL, SPEC_BASE_URL } from './client/config.js';
export type {
  AfterResponseContext,
  BeforeRequestContext,
  RetryContext,
  TerraHooks,
  TerraLogger,
  TerraLogLevel,
} from './client/hooks.js';
export type { EndpointGroup, RequestOptions, TerraBaseUrls, TerraOptions } from './client/options.js';
export type { RateLimitInfo } from './client/rate-limit.js';
export { VERSION } from './client/version.js';
export {
  checkChunkDays,
  type DateChunk,
  type DateInput,
  MAX_DAYS_PER_REQUEST,
  type ParsedDate,
  parseDateInput,
  parseDateRange,
  splitDateRange,
} from './dates/index.js';
export * from './errors/index.js';
export * from './models/index.js';
export type { AuthenticationUrlParams, WidgetSessionParams } from './resources/auth.js';
export { planDataChunks } from './resources/data.js';
export type {
  AthleteRequestOptions,
  DataIterateOptions,
  DataRequestOptions,
} from './resources/data-options.js';
export { DATA_TYPES, type DataType, type DataTypeRecords, isDataType } from './resources/data-types.js';
export {
  LabReports,
  type ListLabReportsParams,
  MAX_LAB_REPORT_BYTES,
  type UploadLabReportParams,
} from './resources/lab-reports.js';
export { type ListPlannedWorkoutsParams, PlannedWorkouts } from './resources/planned-workouts.js';
export type { UserRef } from './resources/user-id.js';
export type { ListUsersParams, UserInfoQuery } from './resources/users.js';
export { type PlanWorkoutParams, Workouts } from './resources/workouts.js';
export * from './responses/index.js';
export { Terra } from './terra.js';
export { TerraClient } from './terra-client.js';
export { User, type UserClient } from './user.js';
export * from './webhooks/index.js';
