// Entry point of `npm run analyze`: see lib/cli/run.ts.
import { run, UsageError } from './run';

try {
  process.stdout.write(`${run(process.argv.slice(2))}\n`);
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`analyze: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
