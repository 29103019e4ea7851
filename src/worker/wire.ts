// Errors across the worker boundary (docs/contract.md, "Errors"): comlink's "throw" transfer
// handler is extended so that a GreenplanError thrown in the worker is rethrown in the caller
// as the same class (ValidationError included) with its fields (code, path, issues), not
// rebuilt by parsing message text. Both sides import this module.
import { transferHandlers, type TransferHandler } from 'comlink';
import { GreenplanError, errorFromFields, type ErrorFields } from '../core/errors.js';

interface Thrown { value: unknown }
type Serialized = { greenplan: true; fields: ErrorFields } | { greenplan: false; inner: unknown };

const original = transferHandlers.get('throw') as TransferHandler<Thrown, unknown>;

const greenplanThrow: TransferHandler<Thrown, Serialized> = {
  canHandle: (value: unknown): value is Thrown => original.canHandle(value),
  serialize(thrown) {
    if (thrown.value instanceof GreenplanError) return [{ greenplan: true, fields: thrown.value.toJSON() }, []];
    const [inner, transfer] = original.serialize(thrown);
    return [{ greenplan: false, inner }, transfer];
  },
  deserialize(s) {
    if (s.greenplan) throw errorFromFields(s.fields);
    return original.deserialize(s.inner);
  },
};

/** Install the handler (idempotent; runs on import). */
export function installErrorTransfer(): void {
  if (transferHandlers.get('throw') !== greenplanThrow) transferHandlers.set('throw', greenplanThrow as TransferHandler<unknown, unknown>);
}
installErrorTransfer();
