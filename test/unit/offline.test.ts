/** The engine opens no network connection: linting, outlining and schema loading with sockets forbidden. */
import assert from 'node:assert/strict';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Engine, toOutline } from '../../server/src/core/index.js';
import { diskHost } from '../support/diskHost.js';
import { corpusDocument, projectRoot } from '../support/paths.js';

test('checking documents never opens a socket', (t) => {
  const attempts: unknown[] = [];
  // Every TCP/IPC connection in Node goes through net.Socket.prototype.connect.
  t.mock.method(net.Socket.prototype, 'connect', function (...args: unknown[]) {
    attempts.push(args);
    throw new Error('network access attempted');
  });
  // The guard itself works: a connection attempt is caught and recorded.
  assert.throws(() => net.connect(9, '127.0.0.1'), /network access attempted/);
  assert.equal(attempts.length, 1);
  attempts.length = 0;
  const engine = new Engine(diskHost);
  for (const file of [corpusDocument, `${projectRoot}/examples/clean.assessment.md`, `${projectRoot}/examples/chat-export.assessment.md`]) {
    const result = engine.check({ text: readFileSync(file, 'utf8'), documentPath: file, workspaceRoot: `${projectRoot}/examples` });
    toOutline(result.model, result.parsed.source, file, result.schema.source);
  }
  assert.deepEqual(attempts, []);
});
