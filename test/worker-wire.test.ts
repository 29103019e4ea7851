// The worker's error transfer handler (src/worker/wire.ts) on the receiving side: a
// GreenplanError arrives as itself; an error thrown by a peer that does not use the handler
// (another worker of a page, plain comlink: the playground's data worker) keeps its message
// (it arrived as "Cannot read properties of undefined (reading 'isError')").
import { describe, expect, it } from 'vitest';
import { transferHandlers, type TransferHandler } from 'comlink';
import { ValidationError } from '../src/core/errors.js';

describe('worker error transfer (wire.ts)', async () => {
  const plain = transferHandlers.get('throw') as TransferHandler<{ value: unknown }, unknown>;
  // what a peer without wire.ts sends: comlink's own serialisation, taken before the install
  const [fromPlainPeer] = plain.serialize({ value: new Error('the CSV has no numeric column') });
  await import('../src/worker/wire.js');
  const handler = transferHandlers.get('throw') as TransferHandler<{ value: unknown }, unknown>;

  it('is installed', () => expect(handler).not.toBe(plain));

  it('rethrows a GreenplanError with its fields', () => {
    const [wire] = handler.serialize({ value: new ValidationError('items[2].size', 'must be a number') });
    expect(() => handler.deserialize(wire)).toThrow(ValidationError);
    try { handler.deserialize(wire); } catch (e) { expect((e as ValidationError).path).toBe('items[2].size'); }
  });

  it('rethrows an error from a plain comlink peer with its message', () => {
    expect(() => handler.deserialize(fromPlainPeer)).toThrow('the CSV has no numeric column');
  });

  it('rethrows a plain Error sent through the handler with its message', () => {
    const [wire] = handler.serialize({ value: new TypeError('boom') });
    expect(() => handler.deserialize(wire)).toThrow('boom');
  });
});
