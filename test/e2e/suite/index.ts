/** The e2e entry the workbench loads (extensionTestsPath): runs every *.test in this bundle with mocha. */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./extension.test');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./export.test');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./reply.test');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./review.test');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./advice.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      // The runner ends on this line: code-server's workbench does not always report the exit code.
      console.log(`EHCP_E2E_RESULT failures=${failures}`);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
  });
}
