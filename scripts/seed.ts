// `npm run seed -- --size large|demo [--data DIR] [--seed N]`: a new vault filled with reference
// data through the app itself (seed-vault.ts), opened afterwards with `npm run preview -- --data
// DIR`. Its records live in the preview's browser profile inside DIR, so the desktop app's own
// data folder is never touched.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseSeedOptions, SEED_USAGE, SeedUsageError } from './seed-options';
import { type SeededVault, seedVault } from './seed-vault';

const thousands = (value: number) => value.toLocaleString('en');

/** What the vault holds, in a clinician's words. */
function describeCounts({ counts }: SeededVault): string {
  return (
    [
      [counts.clients, 'clients'],
      [counts.goals, 'goals'],
      [counts.sessions, 'sessions'],
      [counts.assignments, 'assignments'],
      [counts.practiceLogs, 'practice-log entries'],
      [counts.reviews, 'reviews'],
      [counts.customTemplates, 'templates of its own (beside the built-in ones)'],
      [counts.vaultLog, 'handouts and other take-aways in the vault log'],
    ] as const
  )
    .filter(([count]) => count > 0)
    .map(([count, what]) => `${thousands(count)} ${what}`)
    .join(', ');
}

let options;
try {
  options = parseSeedOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SeedUsageError)) throw error;
  console.error(`${error.message}\n\n${SEED_USAGE}`);
  process.exit(2);
}
const dataDir = options.dataDir
  ? resolve(options.dataDir)
  : await mkdtemp(join(tmpdir(), `bridgework-seed-${options.size}-`));
console.log(`Making the ${options.size} vault in ${dataDir} …`);
try {
  const vault = await seedVault({ ...options, dataDir });
  const seed = options.size === 'large' ? ` from seed ${options.seed}` : '';
  console.log(`\nMade “${vault.name}”${seed}: ${describeCounts(vault)}.`);
  if (vault.counts.damagedClients > 0)
    console.log(`${vault.counts.damagedClients} client records did not open; please report this.`);
  console.log(`\nPassphrase:   ${vault.passphrase}`);
  if (vault.recoveryKey) console.log(`Recovery key: ${vault.recoveryKey}`);
  console.log(`\nOpen it with: npm run preview -- --data ${dataDir}`);
  console.log(
    'Its records are in that folder’s preview browser profile: the desktop app (npm start) ' +
      'doesn’t see it, unless you make a backup in the preview and open that backup there.',
  );
} catch (error) {
  console.error(`\nThe vault wasn’t made. ${(error as Error).message}`);
  process.exit(1);
}
