import type { ClientConfig } from './config.js';
import type { Terra } from './terra.js';

/** What resources need from the client: its settings (for requests) and itself (to bind users). */
export interface ClientContext {
  readonly config: ClientConfig;
  readonly terra: Terra;
}
