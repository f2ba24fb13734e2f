import type { Router } from '../http/router.js';
import type { SandboxRuntime } from '../runtime.js';

/** `/lab-reports` endpoints. */
export function registerLabReportRoutes(_router: Router, _sandbox: SandboxRuntime): void {}
