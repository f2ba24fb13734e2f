export { AthleteReturned, type AthleteReturnedJson } from './athlete-returned.js';
export { AuthToken, type AuthTokenJson } from './auth-token.js';
export { DataReturned, type DataReturnedJson } from './data-returned.js';
export { Deleted } from './deleted.js';
export {
  DetailedIntegrations,
  type DetailedIntegrationsJson,
  type IntegrationProvider,
} from './detailed-integrations.js';
export { GenericMessage, type GenericMessageJson } from './generic-message.js';
export {
  LabReportDeliveries,
  LabReportDetails,
  LabReportFiles,
  LabReportList,
  LabReportUpload,
} from './lab-reports.js';
export { NoDataReturned, type NoDataReturnedJson } from './no-data-returned.js';
export { type AthleteResponse, type DataResponse, parseDataBody } from './parse-data-body.js';
export { PlannedWorkoutInfo, PlannedWorkoutList, type PlannedWorkoutSummary } from './planned-workouts.js';
export { ProvidersResponse, type ProvidersResponseJson } from './providers-response.js';
export { SentToWebhook, type SentToWebhookJson } from './sent-to-webhook.js';
export { SubscribedUsers, type SubscribedUsersJson } from './subscribed-users.js';
export { UserAuthUrl, type UserAuthUrlJson } from './user-auth-url.js';
export { UserDeauthResp, type UserDeauthRespJson } from './user-deauth-resp.js';
export { UserInfo, type UserInfoJson } from './user-info.js';
export { UserList } from './user-list.js';
export { WidgetSession, type WidgetSessionJson } from './widget-session.js';
export type { WireView } from './wire-view.js';
export {
  WorkoutCreated,
  type WorkoutCreatedJson,
  WorkoutDetails,
  WorkoutList,
  WorkoutPlanned,
  type WorkoutPlannedJson,
} from './workouts.js';
