// `npm run vault -- verify FILE`: checks a backup file with the app's own code. The passphrase
// (or recovery key), if any, is the first line of standard input; a terminal is never read.
// See src-main/commands/vault-verify.ts for what is checked and what the exit codes mean.
import { verifyBackupCommand } from '../src-main/commands/vault-verify';

const stdinIsTTY = process.stdin.isTTY === true;
process.exitCode = await verifyBackupCommand(process.argv.slice(2), {
  stdin: stdinIsTTY ? null : process.stdin,
  stdinIsTTY,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
