import { config } from 'zod/v4/core';
import * as z from 'zod/mini';

/**
 * zod/mini for the schemas the overlay and the always-on scripts reach: classic zod's schemas
 * carry every method on every instance, so building them and compiling classic's code cost the
 * overlay tens of milliseconds on each sync screen. Jitless for the reason lib/zod.ts gives.
 * Their error messages are never shown to a user (a malformed message is dropped).
 */
config({ jitless: true });

export { z };
