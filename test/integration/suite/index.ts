/**
 * The entry VS Code's extension host calls (`extensionTestsPath`): runs the mocha suite inside the
 * host. run.mjs bundles this file, the tests and mocha into one CommonJS file, since the extension
 * host loads test runners with `require`.
 */
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60_000, reporter: 'spec' });
  // Define suite/test/setup globals before the test modules load.
  mocha.suite.emit('pre-require', globalThis, 'tradecraft-integration', mocha);
  await import('./extension.itest.js');
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
  });
}
