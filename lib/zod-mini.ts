import { config } from 'zod/v4/core';
import * as z from 'zod/mini';

/**
 * zod/mini for the schemas the on-demand overlay reaches (the always-on gate uses no zod):
 * classic zod's schemas carry every method on every instance, so building them and compiling
 * classic's code cost the overlay tens of milliseconds on each sync screen. Jitless for the reason lib/zod.ts gives.
 * zod/mini sets no locale: a module whose errors people read sets English itself, when it
 * builds its schemas (lib/rules/schema.ts); a malformed runtime message is only dropped.
 */
config({ jitless: true });

export { z };
