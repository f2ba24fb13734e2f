import type { Router } from '../http/router.js';
import type { SandboxRuntime } from '../runtime.js';

/** `/workouts` endpoints (templates and planning). */
export function registerWorkoutRoutes(_router: Router, _sandbox: SandboxRuntime): void {}
