import type { Router } from '../http/router.js';
import type { SandboxRuntime } from '../runtime.js';

/** `/plannedWorkouts` endpoints. */
export function registerPlannedWorkoutRoutes(_router: Router, _sandbox: SandboxRuntime): void {}
