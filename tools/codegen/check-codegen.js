// Fails when the generated canonical contracts differ from what graphql-codegen produces now.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, readdirSync, cpSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');

const generated = join(__dirname, '../../libs/contracts/src/generated');
const backup = mkdtempSync(join(tmpdir(), 'ordex-codegen-'));
cpSync(generated, backup, { recursive: true });
try {
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.yml', '--silent'], {
    cwd: join(__dirname, '../..'),
    stdio: 'inherit',
  });
  const stale = readdirSync(generated).filter(
    (file) => readFileSync(join(generated, file), 'utf8') !== readFileSync(join(backup, file), 'utf8'),
  );
  if (stale.length) {
    console.error(
      `stale generated contracts: ${stale.join(', ')} (run npm run codegen and commit the result)`,
    );
    process.exitCode = 1;
  } else {
    console.log('generated contracts are up to date');
  }
} finally {
  cpSync(backup, generated, { recursive: true });
  rmSync(backup, { recursive: true, force: true });
}
