import { z } from 'zod';

/**
 * Every runtime use of classic zod imports it from here (zod/mini from lib/zod-mini.ts). Extension pages and content scripts forbid
 * eval, and zod probes for it (a `new Function`) when it builds its first object schema: the
 * refusal is reported as a CSP violation with its source location, for which V8 re-parsed the
 * whole overlay script (50-80 ms on each sync-screen load, traced). Jitless mode skips the probe.
 */
z.config({ jitless: true });

export { z };
