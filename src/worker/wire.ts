// Errors across the worker boundary (docs/contract.md, "Errors"): comlink's "throw" transfer
// handler is extended so that a GreenplanError thrown in the worker is rethrown in the caller
// as the same class (ValidationError included) with its fields (code, path, issues), not
// rebuilt by parsing message text. Both sides import this module.
import { transferHandlers, type TransferHandler } from 'comlink';
import { GreenplanError, errorFromFields, type ErrorFields } from '../core/errors.js';

interface Thrown { value: unknown }
type Serialized = { greenplan: true; fields: ErrorFields } | { greenplan: false; inner: unknown };
const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object';

const original = transferHandlers.get('throw') as TransferHandler<Thrown, unknown>;

const greenplanThrow: TransferHandler<Thrown, Serialized> = {
  canHandle: (value: unknown): value is Thrown => original.canHandle(value),
  serialize(thrown) {
    if (thrown.value instanceof GreenplanError) return [{ greenplan: true, fields: thrown.value.toJSON() }, []];
    const [inner, transfer] = original.serialize(thrown);
    return [{ greenplan: false, inner }, transfer];
  },
  deserialize(s) {
    if (isObject(s) && s.greenplan === true) throw errorFromFields((s as { fields: ErrorFields }).fields);
    if (isObject(s) && s.greenplan === false) return original.deserialize((s as { inner: unknown }).inner);
    // from a peer without this handler (another worker of the page, plain comlink): comlink's
    // own shape (its message was lost as "Cannot read properties of undefined (reading 'isError')")
    return original.deserialize(s as unknown);
  },
};

/** Install the handler (idempotent; runs on import). */
export function installErrorTransfer(): void {
  if (transferHandlers.get('throw') !== greenplanThrow) transferHandlers.set('throw', greenplanThrow as TransferHandler<unknown, unknown>);
}
installErrorTransfer();
