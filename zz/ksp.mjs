var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/node.ts
import { readFile } from "node:fs/promises";

// src/wasm/kernels.ts
function bindKernels(raw) {
  return {
    memory: raw.memory,
    arenaBase: () => raw.arenaBase(),
    reserve: (bytes) => raw.reserve(bytes),
    memoryBytes: () => raw.memoryBytes(),
    smoothBatch: (a) => raw.smoothBatch(a.n, a.offsets, a.demand, a.maxStep, a.coef, a.plan, a.sums, a.scratch, a.scratchLen),
    knapsackTable: (a) => raw.knapsackTable(a.n, a.sizes, a.values, a.copies, a.capacity, a.dp, a.choice, a.dequeIdx, a.dequeVal, a.choiceWidth, a.mode),
    knapsackReconstruct: (a) => raw.knapsackReconstruct(a.n, a.sizes, a.choice, a.capacity, a.choiceWidth, a.start, a.counts),
    knapsackConcave: (a) => raw.knapsackConcave(a.g, a.sizes, a.gainOff, a.gains, a.capacity, a.dp, a.choice, a.seqA, a.seqOut, a.choiceWidth, a.mode),
    deployPack: (argsPtr) => raw.deployPack(argsPtr),
    deployReduce: (a) => raw.deployReduce(a.n, a.order, a.w, a.kmin, a.m, a.res0, a.eps, a.res, a.sorted, a.tmp, a.tpos, a.outK, a.outStart, a.outBins),
    migrationTarget: (a) => raw.migrationTarget(a.n, a.m, a.R, a.demand, a.capacity, a.cost, a.grp, a.gStart, a.gMem, a.G, a.cur, a.tgt, a.alpha, a.mode, a.scratch),
    migrationScratchBytes: (a) => raw.migrationScratchBytes(a.n, a.m, a.R)
  };
}

// src/wasm/loader.ts
var source;
var instance;
function setModuleSource(fn) {
  source = fn;
}
async function instantiate(module) {
  const inst2 = await WebAssembly.instantiate(module, {
    env: {
      abort(_msg, _file, line, col) {
        throw new Error(`greenplan kernel aborted at ${line}:${col} (please report this bug)`);
      }
    }
  });
  return bindKernels(inst2.exports);
}
function kernels() {
  if (!instance) {
    if (!source) throw new Error('greenplan: no WebAssembly source; import "greenplan" (node or browser entry) or call init(module)');
    instance = source().then(instantiate);
    instance.catch(() => {
      instance = void 0;
    });
  }
  return instance;
}

// src/wasm/abi.ts
var OK = 0;
var BAD_VALUE = 2;
var OUT_OF_MEMORY = 3;
var INFEASIBLE = 4;
var TOO_LARGE = 5;
var KNAPSACK_AT_MOST = 0;
var KNAPSACK_EXACT = 1;
var KNAPSACK_CONTINUE = 2;
var DEPLOY_FIRST_FIT = 0;
var DEPLOY_BEST_FIT = 1;
var DEPLOY_WORST_FIT = 2;
var MIGRATE_BEST_FIT = 1;
var MIGRATE_ORIGIN_FIRST_FIT = 2;
var MIGRATE_EJECT = 4;
var MIGRATE_MULTI = 8;
var MIGRATE_RETURN = 16;
var MIGRATE_SCARCE = 32;
var MIGRATE_BY_LOAD = 64;
var MIGRATE_BY_LOAD_CAP = 128;
var MIGRATE_BALANCE = 1024;
var MIGRATE_REPAIR = 2048;
var MIGRATE_FROM_TGT = 4096;
var MIGRATE_SWAP_IN = 32768;
var MIGRATE_SEED_SHIFT = 16;
var DEPLOY_PACK_ARGS_BYTES = 108;
function writeDeployPackArgs(memory, ptr, a) {
  const v = new DataView(memory.buffer, ptr, 108);
  v.setInt32(0, a.n, true);
  v.setUint32(4, a.order, true);
  v.setUint32(8, a.w, true);
  v.setUint32(12, a.kmin, true);
  v.setUint32(16, a.kmax, true);
  v.setUint32(20, a.kNew, true);
  v.setInt32(24, a.m, true);
  v.setUint32(28, a.res0, true);
  v.setInt32(32, a.nNew, true);
  v.setFloat64(40, a.cap, true);
  v.setInt32(48, a.rule, true);
  v.setInt32(52, a.adapt, true);
  v.setFloat64(56, a.eps, true);
  v.setUint32(64, a.res, true);
  v.setUint32(68, a.sorted, true);
  v.setUint32(72, a.seg, true);
  v.setInt32(76, a.segP, true);
  v.setUint32(80, a.tmp, true);
  v.setUint32(84, a.tpos, true);
  v.setUint32(88, a.outK, true);
  v.setUint32(92, a.outStart, true);
  v.setUint32(96, a.outBins, true);
  v.setInt32(100, a.partsCap, true);
  v.setUint32(104, a.info, true);
}

// src/core/errors.ts
var GreenplanError = class extends Error {
  code;
  /** JSON path of the offending value (`scenarios[0].demand[1]`), or '' for the whole input. */
  path;
  constructor(code, message, path = "") {
    super(message);
    this.name = "GreenplanError";
    this.code = code;
    this.path = path;
  }
};
var ValidationError = class extends GreenplanError {
  constructor(path, problem) {
    super("invalid-input", path ? `${path} ${problem}` : problem, path);
    this.name = "ValidationError";
  }
};
function statusError(status, what) {
  switch (status) {
    case OUT_OF_MEMORY:
      return new GreenplanError("out-of-memory", `${what}: the instance needs more than the 4 GiB WebAssembly memory`);
    default:
      return new GreenplanError("internal", `${what}: kernel returned status ${status} (please report this bug)`);
  }
}

// src/problems/types.ts
var defineProblem = (p) => p;

// node_modules/@sinclair/typebox/build/esm/type/guard/value.mjs
var value_exports = {};
__export(value_exports, {
  HasPropertyKey: () => HasPropertyKey,
  IsArray: () => IsArray,
  IsAsyncIterator: () => IsAsyncIterator,
  IsBigInt: () => IsBigInt,
  IsBoolean: () => IsBoolean,
  IsDate: () => IsDate,
  IsFunction: () => IsFunction,
  IsIterator: () => IsIterator,
  IsNull: () => IsNull,
  IsNumber: () => IsNumber,
  IsObject: () => IsObject,
  IsRegExp: () => IsRegExp,
  IsString: () => IsString,
  IsSymbol: () => IsSymbol,
  IsUint8Array: () => IsUint8Array,
  IsUndefined: () => IsUndefined
});
function HasPropertyKey(value, key) {
  return key in value;
}
function IsAsyncIterator(value) {
  return IsObject(value) && !IsArray(value) && !IsUint8Array(value) && Symbol.asyncIterator in value;
}
function IsArray(value) {
  return Array.isArray(value);
}
function IsBigInt(value) {
  return typeof value === "bigint";
}
function IsBoolean(value) {
  return typeof value === "boolean";
}
function IsDate(value) {
  return value instanceof globalThis.Date;
}
function IsFunction(value) {
  return typeof value === "function";
}
function IsIterator(value) {
  return IsObject(value) && !IsArray(value) && !IsUint8Array(value) && Symbol.iterator in value;
}
function IsNull(value) {
  return value === null;
}
function IsNumber(value) {
  return typeof value === "number";
}
function IsObject(value) {
  return typeof value === "object" && value !== null;
}
function IsRegExp(value) {
  return value instanceof globalThis.RegExp;
}
function IsString(value) {
  return typeof value === "string";
}
function IsSymbol(value) {
  return typeof value === "symbol";
}
function IsUint8Array(value) {
  return value instanceof globalThis.Uint8Array;
}
function IsUndefined(value) {
  return value === void 0;
}

// node_modules/@sinclair/typebox/build/esm/type/clone/value.mjs
function ArrayType(value) {
  return value.map((value2) => Visit(value2));
}
function DateType(value) {
  return new Date(value.getTime());
}
function Uint8ArrayType(value) {
  return new Uint8Array(value);
}
function RegExpType(value) {
  return new RegExp(value.source, value.flags);
}
function ObjectType(value) {
  const result = {};
  for (const key of Object.getOwnPropertyNames(value)) {
    result[key] = Visit(value[key]);
  }
  for (const key of Object.getOwnPropertySymbols(value)) {
    result[key] = Visit(value[key]);
  }
  return result;
}
function Visit(value) {
  return IsArray(value) ? ArrayType(value) : IsDate(value) ? DateType(value) : IsUint8Array(value) ? Uint8ArrayType(value) : IsRegExp(value) ? RegExpType(value) : IsObject(value) ? ObjectType(value) : value;
}
function Clone(value) {
  return Visit(value);
}

// node_modules/@sinclair/typebox/build/esm/type/clone/type.mjs
function CloneType(schema, options) {
  return options === void 0 ? Clone(schema) : Clone({ ...options, ...schema });
}

// node_modules/@sinclair/typebox/build/esm/value/guard/guard.mjs
function IsAsyncIterator2(value) {
  return IsObject2(value) && globalThis.Symbol.asyncIterator in value;
}
function IsIterator2(value) {
  return IsObject2(value) && globalThis.Symbol.iterator in value;
}
function IsPromise(value) {
  return value instanceof globalThis.Promise;
}
function IsDate2(value) {
  return value instanceof Date && globalThis.Number.isFinite(value.getTime());
}
function IsUint8Array2(value) {
  return value instanceof globalThis.Uint8Array;
}
function HasPropertyKey2(value, key) {
  return key in value;
}
function IsObject2(value) {
  return value !== null && typeof value === "object";
}
function IsArray2(value) {
  return globalThis.Array.isArray(value) && !globalThis.ArrayBuffer.isView(value);
}
function IsUndefined2(value) {
  return value === void 0;
}
function IsNull2(value) {
  return value === null;
}
function IsBoolean2(value) {
  return typeof value === "boolean";
}
function IsNumber2(value) {
  return typeof value === "number";
}
function IsInteger(value) {
  return globalThis.Number.isInteger(value);
}
function IsBigInt2(value) {
  return typeof value === "bigint";
}
function IsString2(value) {
  return typeof value === "string";
}
function IsFunction2(value) {
  return typeof value === "function";
}
function IsSymbol2(value) {
  return typeof value === "symbol";
}
function IsValueType(value) {
  return IsBigInt2(value) || IsBoolean2(value) || IsNull2(value) || IsNumber2(value) || IsString2(value) || IsSymbol2(value) || IsUndefined2(value);
}

// node_modules/@sinclair/typebox/build/esm/system/policy.mjs
var TypeSystemPolicy;
(function(TypeSystemPolicy2) {
  TypeSystemPolicy2.InstanceMode = "default";
  TypeSystemPolicy2.ExactOptionalPropertyTypes = false;
  TypeSystemPolicy2.AllowArrayObject = false;
  TypeSystemPolicy2.AllowNaN = false;
  TypeSystemPolicy2.AllowNullVoid = false;
  function IsExactOptionalProperty(value, key) {
    return TypeSystemPolicy2.ExactOptionalPropertyTypes ? key in value : value[key] !== void 0;
  }
  TypeSystemPolicy2.IsExactOptionalProperty = IsExactOptionalProperty;
  function IsObjectLike(value) {
    const isObject = IsObject2(value);
    return TypeSystemPolicy2.AllowArrayObject ? isObject : isObject && !IsArray2(value);
  }
  TypeSystemPolicy2.IsObjectLike = IsObjectLike;
  function IsRecordLike(value) {
    return IsObjectLike(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
  }
  TypeSystemPolicy2.IsRecordLike = IsRecordLike;
  function IsNumberLike(value) {
    return TypeSystemPolicy2.AllowNaN ? IsNumber2(value) : Number.isFinite(value);
  }
  TypeSystemPolicy2.IsNumberLike = IsNumberLike;
  function IsVoidLike(value) {
    const isUndefined = IsUndefined2(value);
    return TypeSystemPolicy2.AllowNullVoid ? isUndefined || value === null : isUndefined;
  }
  TypeSystemPolicy2.IsVoidLike = IsVoidLike;
})(TypeSystemPolicy || (TypeSystemPolicy = {}));

// node_modules/@sinclair/typebox/build/esm/type/create/immutable.mjs
function ImmutableArray(value) {
  return globalThis.Object.freeze(value).map((value2) => Immutable(value2));
}
function ImmutableDate(value) {
  return value;
}
function ImmutableUint8Array(value) {
  return value;
}
function ImmutableRegExp(value) {
  return value;
}
function ImmutableObject(value) {
  const result = {};
  for (const key of Object.getOwnPropertyNames(value)) {
    result[key] = Immutable(value[key]);
  }
  for (const key of Object.getOwnPropertySymbols(value)) {
    result[key] = Immutable(value[key]);
  }
  return globalThis.Object.freeze(result);
}
function Immutable(value) {
  return IsArray(value) ? ImmutableArray(value) : IsDate(value) ? ImmutableDate(value) : IsUint8Array(value) ? ImmutableUint8Array(value) : IsRegExp(value) ? ImmutableRegExp(value) : IsObject(value) ? ImmutableObject(value) : value;
}

// node_modules/@sinclair/typebox/build/esm/type/create/type.mjs
function CreateType(schema, options) {
  const result = options !== void 0 ? { ...options, ...schema } : schema;
  switch (TypeSystemPolicy.InstanceMode) {
    case "freeze":
      return Immutable(result);
    case "clone":
      return Clone(result);
    default:
      return result;
  }
}

// node_modules/@sinclair/typebox/build/esm/type/error/error.mjs
var TypeBoxError = class extends Error {
  constructor(message) {
    super(message);
  }
};

// node_modules/@sinclair/typebox/build/esm/type/symbols/symbols.mjs
var TransformKind = /* @__PURE__ */ Symbol.for("TypeBox.Transform");
var ReadonlyKind = /* @__PURE__ */ Symbol.for("TypeBox.Readonly");
var OptionalKind = /* @__PURE__ */ Symbol.for("TypeBox.Optional");
var Hint = /* @__PURE__ */ Symbol.for("TypeBox.Hint");
var Kind = /* @__PURE__ */ Symbol.for("TypeBox.Kind");

// node_modules/@sinclair/typebox/build/esm/type/guard/kind.mjs
function IsReadonly(value) {
  return IsObject(value) && value[ReadonlyKind] === "Readonly";
}
function IsOptional(value) {
  return IsObject(value) && value[OptionalKind] === "Optional";
}
function IsAny(value) {
  return IsKindOf(value, "Any");
}
function IsArgument(value) {
  return IsKindOf(value, "Argument");
}
function IsArray3(value) {
  return IsKindOf(value, "Array");
}
function IsAsyncIterator3(value) {
  return IsKindOf(value, "AsyncIterator");
}
function IsBigInt3(value) {
  return IsKindOf(value, "BigInt");
}
function IsBoolean3(value) {
  return IsKindOf(value, "Boolean");
}
function IsComputed(value) {
  return IsKindOf(value, "Computed");
}
function IsConstructor(value) {
  return IsKindOf(value, "Constructor");
}
function IsDate3(value) {
  return IsKindOf(value, "Date");
}
function IsFunction3(value) {
  return IsKindOf(value, "Function");
}
function IsInteger2(value) {
  return IsKindOf(value, "Integer");
}
function IsIntersect(value) {
  return IsKindOf(value, "Intersect");
}
function IsIterator3(value) {
  return IsKindOf(value, "Iterator");
}
function IsKindOf(value, kind) {
  return IsObject(value) && Kind in value && value[Kind] === kind;
}
function IsLiteralValue(value) {
  return IsBoolean(value) || IsNumber(value) || IsString(value);
}
function IsLiteral(value) {
  return IsKindOf(value, "Literal");
}
function IsMappedKey(value) {
  return IsKindOf(value, "MappedKey");
}
function IsMappedResult(value) {
  return IsKindOf(value, "MappedResult");
}
function IsNever(value) {
  return IsKindOf(value, "Never");
}
function IsNot(value) {
  return IsKindOf(value, "Not");
}
function IsNull3(value) {
  return IsKindOf(value, "Null");
}
function IsNumber3(value) {
  return IsKindOf(value, "Number");
}
function IsObject3(value) {
  return IsKindOf(value, "Object");
}
function IsPromise2(value) {
  return IsKindOf(value, "Promise");
}
function IsRecord(value) {
  return IsKindOf(value, "Record");
}
function IsRef(value) {
  return IsKindOf(value, "Ref");
}
function IsRegExp2(value) {
  return IsKindOf(value, "RegExp");
}
function IsString3(value) {
  return IsKindOf(value, "String");
}
function IsSymbol3(value) {
  return IsKindOf(value, "Symbol");
}
function IsTemplateLiteral(value) {
  return IsKindOf(value, "TemplateLiteral");
}
function IsThis(value) {
  return IsKindOf(value, "This");
}
function IsTransform(value) {
  return IsObject(value) && TransformKind in value;
}
function IsTuple(value) {
  return IsKindOf(value, "Tuple");
}
function IsUndefined3(value) {
  return IsKindOf(value, "Undefined");
}
function IsUnion(value) {
  return IsKindOf(value, "Union");
}
function IsUint8Array3(value) {
  return IsKindOf(value, "Uint8Array");
}
function IsUnknown(value) {
  return IsKindOf(value, "Unknown");
}
function IsUnsafe(value) {
  return IsKindOf(value, "Unsafe");
}
function IsVoid(value) {
  return IsKindOf(value, "Void");
}
function IsKind(value) {
  return IsObject(value) && Kind in value && IsString(value[Kind]);
}
function IsSchema(value) {
  return IsAny(value) || IsArgument(value) || IsArray3(value) || IsBoolean3(value) || IsBigInt3(value) || IsAsyncIterator3(value) || IsComputed(value) || IsConstructor(value) || IsDate3(value) || IsFunction3(value) || IsInteger2(value) || IsIntersect(value) || IsIterator3(value) || IsLiteral(value) || IsMappedKey(value) || IsMappedResult(value) || IsNever(value) || IsNot(value) || IsNull3(value) || IsNumber3(value) || IsObject3(value) || IsPromise2(value) || IsRecord(value) || IsRef(value) || IsRegExp2(value) || IsString3(value) || IsSymbol3(value) || IsTemplateLiteral(value) || IsThis(value) || IsTuple(value) || IsUndefined3(value) || IsUnion(value) || IsUint8Array3(value) || IsUnknown(value) || IsUnsafe(value) || IsVoid(value) || IsKind(value);
}

// node_modules/@sinclair/typebox/build/esm/type/guard/type.mjs
var type_exports = {};
__export(type_exports, {
  IsAny: () => IsAny2,
  IsArgument: () => IsArgument2,
  IsArray: () => IsArray4,
  IsAsyncIterator: () => IsAsyncIterator4,
  IsBigInt: () => IsBigInt4,
  IsBoolean: () => IsBoolean4,
  IsComputed: () => IsComputed2,
  IsConstructor: () => IsConstructor2,
  IsDate: () => IsDate4,
  IsFunction: () => IsFunction4,
  IsImport: () => IsImport,
  IsInteger: () => IsInteger3,
  IsIntersect: () => IsIntersect2,
  IsIterator: () => IsIterator4,
  IsKind: () => IsKind2,
  IsKindOf: () => IsKindOf2,
  IsLiteral: () => IsLiteral2,
  IsLiteralBoolean: () => IsLiteralBoolean,
  IsLiteralNumber: () => IsLiteralNumber,
  IsLiteralString: () => IsLiteralString,
  IsLiteralValue: () => IsLiteralValue2,
  IsMappedKey: () => IsMappedKey2,
  IsMappedResult: () => IsMappedResult2,
  IsNever: () => IsNever2,
  IsNot: () => IsNot2,
  IsNull: () => IsNull4,
  IsNumber: () => IsNumber4,
  IsObject: () => IsObject4,
  IsOptional: () => IsOptional2,
  IsPromise: () => IsPromise3,
  IsProperties: () => IsProperties,
  IsReadonly: () => IsReadonly2,
  IsRecord: () => IsRecord2,
  IsRecursive: () => IsRecursive,
  IsRef: () => IsRef2,
  IsRegExp: () => IsRegExp3,
  IsSchema: () => IsSchema2,
  IsString: () => IsString4,
  IsSymbol: () => IsSymbol4,
  IsTemplateLiteral: () => IsTemplateLiteral2,
  IsThis: () => IsThis2,
  IsTransform: () => IsTransform2,
  IsTuple: () => IsTuple2,
  IsUint8Array: () => IsUint8Array4,
  IsUndefined: () => IsUndefined4,
  IsUnion: () => IsUnion2,
  IsUnionLiteral: () => IsUnionLiteral,
  IsUnknown: () => IsUnknown2,
  IsUnsafe: () => IsUnsafe2,
  IsVoid: () => IsVoid2,
  TypeGuardUnknownTypeError: () => TypeGuardUnknownTypeError
});
var TypeGuardUnknownTypeError = class extends TypeBoxError {
};
var KnownTypes = [
  "Argument",
  "Any",
  "Array",
  "AsyncIterator",
  "BigInt",
  "Boolean",
  "Computed",
  "Constructor",
  "Date",
  "Enum",
  "Function",
  "Integer",
  "Intersect",
  "Iterator",
  "Literal",
  "MappedKey",
  "MappedResult",
  "Not",
  "Null",
  "Number",
  "Object",
  "Promise",
  "Record",
  "Ref",
  "RegExp",
  "String",
  "Symbol",
  "TemplateLiteral",
  "This",
  "Tuple",
  "Undefined",
  "Union",
  "Uint8Array",
  "Unknown",
  "Void"
];
function IsPattern(value) {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}
function IsControlCharacterFree(value) {
  if (!IsString(value))
    return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 7 && code <= 13 || code === 27 || code === 127) {
      return false;
    }
  }
  return true;
}
function IsAdditionalProperties(value) {
  return IsOptionalBoolean(value) || IsSchema2(value);
}
function IsOptionalBigInt(value) {
  return IsUndefined(value) || IsBigInt(value);
}
function IsOptionalNumber(value) {
  return IsUndefined(value) || IsNumber(value);
}
function IsOptionalBoolean(value) {
  return IsUndefined(value) || IsBoolean(value);
}
function IsOptionalString(value) {
  return IsUndefined(value) || IsString(value);
}
function IsOptionalPattern(value) {
  return IsUndefined(value) || IsString(value) && IsControlCharacterFree(value) && IsPattern(value);
}
function IsOptionalFormat(value) {
  return IsUndefined(value) || IsString(value) && IsControlCharacterFree(value);
}
function IsOptionalSchema(value) {
  return IsUndefined(value) || IsSchema2(value);
}
function IsReadonly2(value) {
  return IsObject(value) && value[ReadonlyKind] === "Readonly";
}
function IsOptional2(value) {
  return IsObject(value) && value[OptionalKind] === "Optional";
}
function IsAny2(value) {
  return IsKindOf2(value, "Any") && IsOptionalString(value.$id);
}
function IsArgument2(value) {
  return IsKindOf2(value, "Argument") && IsNumber(value.index);
}
function IsArray4(value) {
  return IsKindOf2(value, "Array") && value.type === "array" && IsOptionalString(value.$id) && IsSchema2(value.items) && IsOptionalNumber(value.minItems) && IsOptionalNumber(value.maxItems) && IsOptionalBoolean(value.uniqueItems) && IsOptionalSchema(value.contains) && IsOptionalNumber(value.minContains) && IsOptionalNumber(value.maxContains);
}
function IsAsyncIterator4(value) {
  return IsKindOf2(value, "AsyncIterator") && value.type === "AsyncIterator" && IsOptionalString(value.$id) && IsSchema2(value.items);
}
function IsBigInt4(value) {
  return IsKindOf2(value, "BigInt") && value.type === "bigint" && IsOptionalString(value.$id) && IsOptionalBigInt(value.exclusiveMaximum) && IsOptionalBigInt(value.exclusiveMinimum) && IsOptionalBigInt(value.maximum) && IsOptionalBigInt(value.minimum) && IsOptionalBigInt(value.multipleOf);
}
function IsBoolean4(value) {
  return IsKindOf2(value, "Boolean") && value.type === "boolean" && IsOptionalString(value.$id);
}
function IsComputed2(value) {
  return IsKindOf2(value, "Computed") && IsString(value.target) && IsArray(value.parameters) && value.parameters.every((schema) => IsSchema2(schema));
}
function IsConstructor2(value) {
  return IsKindOf2(value, "Constructor") && value.type === "Constructor" && IsOptionalString(value.$id) && IsArray(value.parameters) && value.parameters.every((schema) => IsSchema2(schema)) && IsSchema2(value.returns);
}
function IsDate4(value) {
  return IsKindOf2(value, "Date") && value.type === "Date" && IsOptionalString(value.$id) && IsOptionalNumber(value.exclusiveMaximumTimestamp) && IsOptionalNumber(value.exclusiveMinimumTimestamp) && IsOptionalNumber(value.maximumTimestamp) && IsOptionalNumber(value.minimumTimestamp) && IsOptionalNumber(value.multipleOfTimestamp);
}
function IsFunction4(value) {
  return IsKindOf2(value, "Function") && value.type === "Function" && IsOptionalString(value.$id) && IsArray(value.parameters) && value.parameters.every((schema) => IsSchema2(schema)) && IsSchema2(value.returns);
}
function IsImport(value) {
  return IsKindOf2(value, "Import") && HasPropertyKey(value, "$defs") && IsObject(value.$defs) && IsProperties(value.$defs) && HasPropertyKey(value, "$ref") && IsString(value.$ref) && value.$ref in value.$defs;
}
function IsInteger3(value) {
  return IsKindOf2(value, "Integer") && value.type === "integer" && IsOptionalString(value.$id) && IsOptionalNumber(value.exclusiveMaximum) && IsOptionalNumber(value.exclusiveMinimum) && IsOptionalNumber(value.maximum) && IsOptionalNumber(value.minimum) && IsOptionalNumber(value.multipleOf);
}
function IsProperties(value) {
  return IsObject(value) && Object.entries(value).every(([key, schema]) => IsControlCharacterFree(key) && IsSchema2(schema));
}
function IsIntersect2(value) {
  return IsKindOf2(value, "Intersect") && (IsString(value.type) && value.type !== "object" ? false : true) && IsArray(value.allOf) && value.allOf.every((schema) => IsSchema2(schema) && !IsTransform2(schema)) && IsOptionalString(value.type) && (IsOptionalBoolean(value.unevaluatedProperties) || IsOptionalSchema(value.unevaluatedProperties)) && IsOptionalString(value.$id);
}
function IsIterator4(value) {
  return IsKindOf2(value, "Iterator") && value.type === "Iterator" && IsOptionalString(value.$id) && IsSchema2(value.items);
}
function IsKindOf2(value, kind) {
  return IsObject(value) && Kind in value && value[Kind] === kind;
}
function IsLiteralString(value) {
  return IsLiteral2(value) && IsString(value.const);
}
function IsLiteralNumber(value) {
  return IsLiteral2(value) && IsNumber(value.const);
}
function IsLiteralBoolean(value) {
  return IsLiteral2(value) && IsBoolean(value.const);
}
function IsLiteral2(value) {
  return IsKindOf2(value, "Literal") && IsOptionalString(value.$id) && IsLiteralValue2(value.const);
}
function IsLiteralValue2(value) {
  return IsBoolean(value) || IsNumber(value) || IsString(value);
}
function IsMappedKey2(value) {
  return IsKindOf2(value, "MappedKey") && IsArray(value.keys) && value.keys.every((key) => IsNumber(key) || IsString(key));
}
function IsMappedResult2(value) {
  return IsKindOf2(value, "MappedResult") && IsProperties(value.properties);
}
function IsNever2(value) {
  return IsKindOf2(value, "Never") && IsObject(value.not) && Object.getOwnPropertyNames(value.not).length === 0;
}
function IsNot2(value) {
  return IsKindOf2(value, "Not") && IsSchema2(value.not);
}
function IsNull4(value) {
  return IsKindOf2(value, "Null") && value.type === "null" && IsOptionalString(value.$id);
}
function IsNumber4(value) {
  return IsKindOf2(value, "Number") && value.type === "number" && IsOptionalString(value.$id) && IsOptionalNumber(value.exclusiveMaximum) && IsOptionalNumber(value.exclusiveMinimum) && IsOptionalNumber(value.maximum) && IsOptionalNumber(value.minimum) && IsOptionalNumber(value.multipleOf);
}
function IsObject4(value) {
  return IsKindOf2(value, "Object") && value.type === "object" && IsOptionalString(value.$id) && IsProperties(value.properties) && IsAdditionalProperties(value.additionalProperties) && IsOptionalNumber(value.minProperties) && IsOptionalNumber(value.maxProperties);
}
function IsPromise3(value) {
  return IsKindOf2(value, "Promise") && value.type === "Promise" && IsOptionalString(value.$id) && IsSchema2(value.item);
}
function IsRecord2(value) {
  return IsKindOf2(value, "Record") && value.type === "object" && IsOptionalString(value.$id) && IsAdditionalProperties(value.additionalProperties) && IsObject(value.patternProperties) && ((schema) => {
    const keys = Object.getOwnPropertyNames(schema.patternProperties);
    return keys.length === 1 && IsPattern(keys[0]) && IsObject(schema.patternProperties) && IsSchema2(schema.patternProperties[keys[0]]);
  })(value);
}
function IsRecursive(value) {
  return IsObject(value) && Hint in value && value[Hint] === "Recursive";
}
function IsRef2(value) {
  return IsKindOf2(value, "Ref") && IsOptionalString(value.$id) && IsString(value.$ref);
}
function IsRegExp3(value) {
  return IsKindOf2(value, "RegExp") && IsOptionalString(value.$id) && IsString(value.source) && IsString(value.flags) && IsOptionalNumber(value.maxLength) && IsOptionalNumber(value.minLength);
}
function IsString4(value) {
  return IsKindOf2(value, "String") && value.type === "string" && IsOptionalString(value.$id) && IsOptionalNumber(value.minLength) && IsOptionalNumber(value.maxLength) && IsOptionalPattern(value.pattern) && IsOptionalFormat(value.format);
}
function IsSymbol4(value) {
  return IsKindOf2(value, "Symbol") && value.type === "symbol" && IsOptionalString(value.$id);
}
function IsTemplateLiteral2(value) {
  return IsKindOf2(value, "TemplateLiteral") && value.type === "string" && IsString(value.pattern) && value.pattern[0] === "^" && value.pattern[value.pattern.length - 1] === "$";
}
function IsThis2(value) {
  return IsKindOf2(value, "This") && IsOptionalString(value.$id) && IsString(value.$ref);
}
function IsTransform2(value) {
  return IsObject(value) && TransformKind in value;
}
function IsTuple2(value) {
  return IsKindOf2(value, "Tuple") && value.type === "array" && IsOptionalString(value.$id) && IsNumber(value.minItems) && IsNumber(value.maxItems) && value.minItems === value.maxItems && // empty
  (IsUndefined(value.items) && IsUndefined(value.additionalItems) && value.minItems === 0 || IsArray(value.items) && value.items.every((schema) => IsSchema2(schema)));
}
function IsUndefined4(value) {
  return IsKindOf2(value, "Undefined") && value.type === "undefined" && IsOptionalString(value.$id);
}
function IsUnionLiteral(value) {
  return IsUnion2(value) && value.anyOf.every((schema) => IsLiteralString(schema) || IsLiteralNumber(schema));
}
function IsUnion2(value) {
  return IsKindOf2(value, "Union") && IsOptionalString(value.$id) && IsObject(value) && IsArray(value.anyOf) && value.anyOf.every((schema) => IsSchema2(schema));
}
function IsUint8Array4(value) {
  return IsKindOf2(value, "Uint8Array") && value.type === "Uint8Array" && IsOptionalString(value.$id) && IsOptionalNumber(value.minByteLength) && IsOptionalNumber(value.maxByteLength);
}
function IsUnknown2(value) {
  return IsKindOf2(value, "Unknown") && IsOptionalString(value.$id);
}
function IsUnsafe2(value) {
  return IsKindOf2(value, "Unsafe");
}
function IsVoid2(value) {
  return IsKindOf2(value, "Void") && value.type === "void" && IsOptionalString(value.$id);
}
function IsKind2(value) {
  return IsObject(value) && Kind in value && IsString(value[Kind]) && !KnownTypes.includes(value[Kind]);
}
function IsSchema2(value) {
  return IsObject(value) && (IsAny2(value) || IsArgument2(value) || IsArray4(value) || IsBoolean4(value) || IsBigInt4(value) || IsAsyncIterator4(value) || IsComputed2(value) || IsConstructor2(value) || IsDate4(value) || IsFunction4(value) || IsInteger3(value) || IsIntersect2(value) || IsIterator4(value) || IsLiteral2(value) || IsMappedKey2(value) || IsMappedResult2(value) || IsNever2(value) || IsNot2(value) || IsNull4(value) || IsNumber4(value) || IsObject4(value) || IsPromise3(value) || IsRecord2(value) || IsRef2(value) || IsRegExp3(value) || IsString4(value) || IsSymbol4(value) || IsTemplateLiteral2(value) || IsThis2(value) || IsTuple2(value) || IsUndefined4(value) || IsUnion2(value) || IsUint8Array4(value) || IsUnknown2(value) || IsUnsafe2(value) || IsVoid2(value) || IsKind2(value));
}

// node_modules/@sinclair/typebox/build/esm/type/patterns/patterns.mjs
var PatternBoolean = "(true|false)";
var PatternNumber = "(0|[1-9][0-9]*)";
var PatternString = "(.*)";
var PatternNever = "(?!.*)";
var PatternBooleanExact = `^${PatternBoolean}$`;
var PatternNumberExact = `^${PatternNumber}$`;
var PatternStringExact = `^${PatternString}$`;
var PatternNeverExact = `^${PatternNever}$`;

// node_modules/@sinclair/typebox/build/esm/type/registry/format.mjs
var format_exports = {};
__export(format_exports, {
  Clear: () => Clear,
  Delete: () => Delete,
  Entries: () => Entries,
  Get: () => Get,
  Has: () => Has,
  Set: () => Set2
});
var map = /* @__PURE__ */ new Map();
function Entries() {
  return new Map(map);
}
function Clear() {
  return map.clear();
}
function Delete(format) {
  return map.delete(format);
}
function Has(format) {
  return map.has(format);
}
function Set2(format, func) {
  map.set(format, func);
}
function Get(format) {
  return map.get(format);
}

// node_modules/@sinclair/typebox/build/esm/type/registry/type.mjs
var type_exports2 = {};
__export(type_exports2, {
  Clear: () => Clear2,
  Delete: () => Delete2,
  Entries: () => Entries2,
  Get: () => Get2,
  Has: () => Has2,
  Set: () => Set3
});
var map2 = /* @__PURE__ */ new Map();
function Entries2() {
  return new Map(map2);
}
function Clear2() {
  return map2.clear();
}
function Delete2(kind) {
  return map2.delete(kind);
}
function Has2(kind) {
  return map2.has(kind);
}
function Set3(kind, func) {
  map2.set(kind, func);
}
function Get2(kind) {
  return map2.get(kind);
}

// node_modules/@sinclair/typebox/build/esm/type/sets/set.mjs
function SetIncludes(T, S) {
  return T.includes(S);
}
function SetDistinct(T) {
  return [...new Set(T)];
}
function SetIntersect(T, S) {
  return T.filter((L) => S.includes(L));
}
function SetIntersectManyResolve(T, Init) {
  return T.reduce((Acc, L) => {
    return SetIntersect(Acc, L);
  }, Init);
}
function SetIntersectMany(T) {
  return T.length === 1 ? T[0] : T.length > 1 ? SetIntersectManyResolve(T.slice(1), T[0]) : [];
}
function SetUnionMany(T) {
  const Acc = [];
  for (const L of T)
    Acc.push(...L);
  return Acc;
}

// node_modules/@sinclair/typebox/build/esm/type/any/any.mjs
function Any(options) {
  return CreateType({ [Kind]: "Any" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/array/array.mjs
function Array2(items, options) {
  return CreateType({ [Kind]: "Array", type: "array", items }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/argument/argument.mjs
function Argument(index) {
  return CreateType({ [Kind]: "Argument", index });
}

// node_modules/@sinclair/typebox/build/esm/type/async-iterator/async-iterator.mjs
function AsyncIterator(items, options) {
  return CreateType({ [Kind]: "AsyncIterator", type: "AsyncIterator", items }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/computed/computed.mjs
function Computed(target, parameters, options) {
  return CreateType({ [Kind]: "Computed", target, parameters }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/discard/discard.mjs
function DiscardKey(value, key) {
  const { [key]: _, ...rest } = value;
  return rest;
}
function Discard(value, keys) {
  return keys.reduce((acc, key) => DiscardKey(acc, key), value);
}

// node_modules/@sinclair/typebox/build/esm/type/never/never.mjs
function Never(options) {
  return CreateType({ [Kind]: "Never", not: {} }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/mapped/mapped-result.mjs
function MappedResult(properties) {
  return CreateType({
    [Kind]: "MappedResult",
    properties
  });
}

// node_modules/@sinclair/typebox/build/esm/type/constructor/constructor.mjs
function Constructor(parameters, returns, options) {
  return CreateType({ [Kind]: "Constructor", type: "Constructor", parameters, returns }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/function/function.mjs
function Function(parameters, returns, options) {
  return CreateType({ [Kind]: "Function", type: "Function", parameters, returns }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/union/union-create.mjs
function UnionCreate(T, options) {
  return CreateType({ [Kind]: "Union", anyOf: T }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/union/union-evaluated.mjs
function IsUnionOptional(types) {
  return types.some((type) => IsOptional(type));
}
function RemoveOptionalFromRest(types) {
  return types.map((left) => IsOptional(left) ? RemoveOptionalFromType(left) : left);
}
function RemoveOptionalFromType(T) {
  return Discard(T, [OptionalKind]);
}
function ResolveUnion(types, options) {
  const isOptional = IsUnionOptional(types);
  return isOptional ? Optional(UnionCreate(RemoveOptionalFromRest(types), options)) : UnionCreate(RemoveOptionalFromRest(types), options);
}
function UnionEvaluated(T, options) {
  return T.length === 1 ? CreateType(T[0], options) : T.length === 0 ? Never(options) : ResolveUnion(T, options);
}

// node_modules/@sinclair/typebox/build/esm/type/union/union.mjs
function Union(types, options) {
  return types.length === 0 ? Never(options) : types.length === 1 ? CreateType(types[0], options) : UnionCreate(types, options);
}

// node_modules/@sinclair/typebox/build/esm/type/template-literal/parse.mjs
var TemplateLiteralParserError = class extends TypeBoxError {
};
function Unescape(pattern) {
  return pattern.replace(/\\\$/g, "$").replace(/\\\*/g, "*").replace(/\\\^/g, "^").replace(/\\\|/g, "|").replace(/\\\(/g, "(").replace(/\\\)/g, ")");
}
function IsNonEscaped(pattern, index, char) {
  return pattern[index] === char && pattern.charCodeAt(index - 1) !== 92;
}
function IsOpenParen(pattern, index) {
  return IsNonEscaped(pattern, index, "(");
}
function IsCloseParen(pattern, index) {
  return IsNonEscaped(pattern, index, ")");
}
function IsSeparator(pattern, index) {
  return IsNonEscaped(pattern, index, "|");
}
function IsGroup(pattern) {
  if (!(IsOpenParen(pattern, 0) && IsCloseParen(pattern, pattern.length - 1)))
    return false;
  let count = 0;
  for (let index = 0; index < pattern.length; index++) {
    if (IsOpenParen(pattern, index))
      count += 1;
    if (IsCloseParen(pattern, index))
      count -= 1;
    if (count === 0 && index !== pattern.length - 1)
      return false;
  }
  return true;
}
function InGroup(pattern) {
  return pattern.slice(1, pattern.length - 1);
}
function IsPrecedenceOr(pattern) {
  let count = 0;
  for (let index = 0; index < pattern.length; index++) {
    if (IsOpenParen(pattern, index))
      count += 1;
    if (IsCloseParen(pattern, index))
      count -= 1;
    if (IsSeparator(pattern, index) && count === 0)
      return true;
  }
  return false;
}
function IsPrecedenceAnd(pattern) {
  for (let index = 0; index < pattern.length; index++) {
    if (IsOpenParen(pattern, index))
      return true;
  }
  return false;
}
function Or(pattern) {
  let [count, start] = [0, 0];
  const expressions = [];
  for (let index = 0; index < pattern.length; index++) {
    if (IsOpenParen(pattern, index))
      count += 1;
    if (IsCloseParen(pattern, index))
      count -= 1;
    if (IsSeparator(pattern, index) && count === 0) {
      const range2 = pattern.slice(start, index);
      if (range2.length > 0)
        expressions.push(TemplateLiteralParse(range2));
      start = index + 1;
    }
  }
  const range = pattern.slice(start);
  if (range.length > 0)
    expressions.push(TemplateLiteralParse(range));
  if (expressions.length === 0)
    return { type: "const", const: "" };
  if (expressions.length === 1)
    return expressions[0];
  return { type: "or", expr: expressions };
}
function And(pattern) {
  function Group(value, index) {
    if (!IsOpenParen(value, index))
      throw new TemplateLiteralParserError(`TemplateLiteralParser: Index must point to open parens`);
    let count = 0;
    for (let scan = index; scan < value.length; scan++) {
      if (IsOpenParen(value, scan))
        count += 1;
      if (IsCloseParen(value, scan))
        count -= 1;
      if (count === 0)
        return [index, scan];
    }
    throw new TemplateLiteralParserError(`TemplateLiteralParser: Unclosed group parens in expression`);
  }
  function Range(pattern2, index) {
    for (let scan = index; scan < pattern2.length; scan++) {
      if (IsOpenParen(pattern2, scan))
        return [index, scan];
    }
    return [index, pattern2.length];
  }
  const expressions = [];
  for (let index = 0; index < pattern.length; index++) {
    if (IsOpenParen(pattern, index)) {
      const [start, end] = Group(pattern, index);
      const range = pattern.slice(start, end + 1);
      expressions.push(TemplateLiteralParse(range));
      index = end;
    } else {
      const [start, end] = Range(pattern, index);
      const range = pattern.slice(start, end);
      if (range.length > 0)
        expressions.push(TemplateLiteralParse(range));
      index = end - 1;
    }
  }
  return expressions.length === 0 ? { type: "const", const: "" } : expressions.length === 1 ? expressions[0] : { type: "and", expr: expressions };
}
function TemplateLiteralParse(pattern) {
  return IsGroup(pattern) ? TemplateLiteralParse(InGroup(pattern)) : IsPrecedenceOr(pattern) ? Or(pattern) : IsPrecedenceAnd(pattern) ? And(pattern) : { type: "const", const: Unescape(pattern) };
}
function TemplateLiteralParseExact(pattern) {
  return TemplateLiteralParse(pattern.slice(1, pattern.length - 1));
}

// node_modules/@sinclair/typebox/build/esm/type/template-literal/finite.mjs
var TemplateLiteralFiniteError = class extends TypeBoxError {
};
function IsNumberExpression(expression) {
  return expression.type === "or" && expression.expr.length === 2 && expression.expr[0].type === "const" && expression.expr[0].const === "0" && expression.expr[1].type === "const" && expression.expr[1].const === "[1-9][0-9]*";
}
function IsBooleanExpression(expression) {
  return expression.type === "or" && expression.expr.length === 2 && expression.expr[0].type === "const" && expression.expr[0].const === "true" && expression.expr[1].type === "const" && expression.expr[1].const === "false";
}
function IsStringExpression(expression) {
  return expression.type === "const" && expression.const === ".*";
}
function IsTemplateLiteralExpressionFinite(expression) {
  return IsNumberExpression(expression) || IsStringExpression(expression) ? false : IsBooleanExpression(expression) ? true : expression.type === "and" ? expression.expr.every((expr) => IsTemplateLiteralExpressionFinite(expr)) : expression.type === "or" ? expression.expr.every((expr) => IsTemplateLiteralExpressionFinite(expr)) : expression.type === "const" ? true : (() => {
    throw new TemplateLiteralFiniteError(`Unknown expression type`);
  })();
}
function IsTemplateLiteralFinite(schema) {
  const expression = TemplateLiteralParseExact(schema.pattern);
  return IsTemplateLiteralExpressionFinite(expression);
}

// node_modules/@sinclair/typebox/build/esm/type/template-literal/generate.mjs
var TemplateLiteralGenerateError = class extends TypeBoxError {
};
function* GenerateReduce(buffer) {
  if (buffer.length === 1)
    return yield* buffer[0];
  for (const left of buffer[0]) {
    for (const right of GenerateReduce(buffer.slice(1))) {
      yield `${left}${right}`;
    }
  }
}
function* GenerateAnd(expression) {
  return yield* GenerateReduce(expression.expr.map((expr) => [...TemplateLiteralExpressionGenerate(expr)]));
}
function* GenerateOr(expression) {
  for (const expr of expression.expr)
    yield* TemplateLiteralExpressionGenerate(expr);
}
function* GenerateConst(expression) {
  return yield expression.const;
}
function* TemplateLiteralExpressionGenerate(expression) {
  return expression.type === "and" ? yield* GenerateAnd(expression) : expression.type === "or" ? yield* GenerateOr(expression) : expression.type === "const" ? yield* GenerateConst(expression) : (() => {
    throw new TemplateLiteralGenerateError("Unknown expression");
  })();
}
function TemplateLiteralGenerate(schema) {
  const expression = TemplateLiteralParseExact(schema.pattern);
  return IsTemplateLiteralExpressionFinite(expression) ? [...TemplateLiteralExpressionGenerate(expression)] : [];
}

// node_modules/@sinclair/typebox/build/esm/type/literal/literal.mjs
function Literal(value, options) {
  return CreateType({
    [Kind]: "Literal",
    const: value,
    type: typeof value
  }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/boolean/boolean.mjs
function Boolean(options) {
  return CreateType({ [Kind]: "Boolean", type: "boolean" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/bigint/bigint.mjs
function BigInt2(options) {
  return CreateType({ [Kind]: "BigInt", type: "bigint" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/number/number.mjs
function Number2(options) {
  return CreateType({ [Kind]: "Number", type: "number" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/string/string.mjs
function String2(options) {
  return CreateType({ [Kind]: "String", type: "string" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/template-literal/syntax.mjs
function* FromUnion(syntax) {
  const trim = syntax.trim().replace(/"|'/g, "");
  return trim === "boolean" ? yield Boolean() : trim === "number" ? yield Number2() : trim === "bigint" ? yield BigInt2() : trim === "string" ? yield String2() : yield (() => {
    const literals = trim.split("|").map((literal) => Literal(literal.trim()));
    return literals.length === 0 ? Never() : literals.length === 1 ? literals[0] : UnionEvaluated(literals);
  })();
}
function* FromTerminal(syntax) {
  if (syntax[1] !== "{") {
    const L = Literal("$");
    const R = FromSyntax(syntax.slice(1));
    return yield* [L, ...R];
  }
  for (let i = 2; i < syntax.length; i++) {
    if (syntax[i] === "}") {
      const L = FromUnion(syntax.slice(2, i));
      const R = FromSyntax(syntax.slice(i + 1));
      return yield* [...L, ...R];
    }
  }
  yield Literal(syntax);
}
function* FromSyntax(syntax) {
  for (let i = 0; i < syntax.length; i++) {
    if (syntax[i] === "$") {
      const L = Literal(syntax.slice(0, i));
      const R = FromTerminal(syntax.slice(i));
      return yield* [L, ...R];
    }
  }
  yield Literal(syntax);
}
function TemplateLiteralSyntax(syntax) {
  return [...FromSyntax(syntax)];
}

// node_modules/@sinclair/typebox/build/esm/type/template-literal/pattern.mjs
var TemplateLiteralPatternError = class extends TypeBoxError {
};
function Escape(value) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function Visit2(schema, acc) {
  return IsTemplateLiteral(schema) ? schema.pattern.slice(1, schema.pattern.length - 1) : IsUnion(schema) ? `(${schema.anyOf.map((schema2) => Visit2(schema2, acc)).join("|")})` : IsNumber3(schema) ? `${acc}${PatternNumber}` : IsInteger2(schema) ? `${acc}${PatternNumber}` : IsBigInt3(schema) ? `${acc}${PatternNumber}` : IsString3(schema) ? `${acc}${PatternString}` : IsLiteral(schema) ? `${acc}${Escape(schema.const.toString())}` : IsBoolean3(schema) ? `${acc}${PatternBoolean}` : (() => {
    throw new TemplateLiteralPatternError(`Unexpected Kind '${schema[Kind]}'`);
  })();
}
function TemplateLiteralPattern(kinds) {
  return `^${kinds.map((schema) => Visit2(schema, "")).join("")}$`;
}

// node_modules/@sinclair/typebox/build/esm/type/template-literal/union.mjs
function TemplateLiteralToUnion(schema) {
  const R = TemplateLiteralGenerate(schema);
  const L = R.map((S) => Literal(S));
  return UnionEvaluated(L);
}

// node_modules/@sinclair/typebox/build/esm/type/template-literal/template-literal.mjs
function TemplateLiteral(unresolved, options) {
  const pattern = IsString(unresolved) ? TemplateLiteralPattern(TemplateLiteralSyntax(unresolved)) : TemplateLiteralPattern(unresolved);
  return CreateType({ [Kind]: "TemplateLiteral", type: "string", pattern }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/indexed/indexed-property-keys.mjs
function FromTemplateLiteral(templateLiteral) {
  const keys = TemplateLiteralGenerate(templateLiteral);
  return keys.map((key) => key.toString());
}
function FromUnion2(types) {
  const result = [];
  for (const type of types)
    result.push(...IndexPropertyKeys(type));
  return result;
}
function FromLiteral(literalValue) {
  return [literalValue.toString()];
}
function IndexPropertyKeys(type) {
  return [...new Set(IsTemplateLiteral(type) ? FromTemplateLiteral(type) : IsUnion(type) ? FromUnion2(type.anyOf) : IsLiteral(type) ? FromLiteral(type.const) : IsNumber3(type) ? ["[number]"] : IsInteger2(type) ? ["[number]"] : [])];
}

// node_modules/@sinclair/typebox/build/esm/type/indexed/indexed-from-mapped-result.mjs
function FromProperties(type, properties, options) {
  const result = {};
  for (const K2 of Object.getOwnPropertyNames(properties)) {
    result[K2] = Index(type, IndexPropertyKeys(properties[K2]), options);
  }
  return result;
}
function FromMappedResult(type, mappedResult, options) {
  return FromProperties(type, mappedResult.properties, options);
}
function IndexFromMappedResult(type, mappedResult, options) {
  const properties = FromMappedResult(type, mappedResult, options);
  return MappedResult(properties);
}

// node_modules/@sinclair/typebox/build/esm/type/indexed/indexed.mjs
function FromRest(types, key) {
  return types.map((type) => IndexFromPropertyKey(type, key));
}
function FromIntersectRest(types) {
  return types.filter((type) => !IsNever(type));
}
function FromIntersect(types, key) {
  return IntersectEvaluated(FromIntersectRest(FromRest(types, key)));
}
function FromUnionRest(types) {
  return types.some((L) => IsNever(L)) ? [] : types;
}
function FromUnion3(types, key) {
  return UnionEvaluated(FromUnionRest(FromRest(types, key)));
}
function FromTuple(types, key) {
  return key in types ? types[key] : key === "[number]" ? UnionEvaluated(types) : Never();
}
function FromArray(type, key) {
  return key === "[number]" ? type : Never();
}
function FromProperty(properties, propertyKey) {
  return propertyKey in properties ? properties[propertyKey] : Never();
}
function IndexFromPropertyKey(type, propertyKey) {
  return IsIntersect(type) ? FromIntersect(type.allOf, propertyKey) : IsUnion(type) ? FromUnion3(type.anyOf, propertyKey) : IsTuple(type) ? FromTuple(type.items ?? [], propertyKey) : IsArray3(type) ? FromArray(type.items, propertyKey) : IsObject3(type) ? FromProperty(type.properties, propertyKey) : Never();
}
function IndexFromPropertyKeys(type, propertyKeys) {
  return propertyKeys.map((propertyKey) => IndexFromPropertyKey(type, propertyKey));
}
function FromSchema(type, propertyKeys) {
  return UnionEvaluated(IndexFromPropertyKeys(type, propertyKeys));
}
function Index(type, key, options) {
  if (IsRef(type) || IsRef(key)) {
    const error = `Index types using Ref parameters require both Type and Key to be of TSchema`;
    if (!IsSchema(type) || !IsSchema(key))
      throw new TypeBoxError(error);
    return Computed("Index", [type, key]);
  }
  if (IsMappedResult(key))
    return IndexFromMappedResult(type, key, options);
  if (IsMappedKey(key))
    return IndexFromMappedKey(type, key, options);
  return CreateType(IsSchema(key) ? FromSchema(type, IndexPropertyKeys(key)) : FromSchema(type, key), options);
}

// node_modules/@sinclair/typebox/build/esm/type/indexed/indexed-from-mapped-key.mjs
function MappedIndexPropertyKey(type, key, options) {
  return { [key]: Index(type, [key], Clone(options)) };
}
function MappedIndexPropertyKeys(type, propertyKeys, options) {
  return propertyKeys.reduce((result, left) => {
    return { ...result, ...MappedIndexPropertyKey(type, left, options) };
  }, {});
}
function MappedIndexProperties(type, mappedKey, options) {
  return MappedIndexPropertyKeys(type, mappedKey.keys, options);
}
function IndexFromMappedKey(type, mappedKey, options) {
  const properties = MappedIndexProperties(type, mappedKey, options);
  return MappedResult(properties);
}

// node_modules/@sinclair/typebox/build/esm/type/iterator/iterator.mjs
function Iterator(items, options) {
  return CreateType({ [Kind]: "Iterator", type: "Iterator", items }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/object/object.mjs
function RequiredArray(properties) {
  return globalThis.Object.keys(properties).filter((key) => !IsOptional(properties[key]));
}
function _Object_(properties, options) {
  const required = RequiredArray(properties);
  const schema = required.length > 0 ? { [Kind]: "Object", type: "object", required, properties } : { [Kind]: "Object", type: "object", properties };
  return CreateType(schema, options);
}
var Object2 = _Object_;

// node_modules/@sinclair/typebox/build/esm/type/promise/promise.mjs
function Promise2(item, options) {
  return CreateType({ [Kind]: "Promise", type: "Promise", item }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/readonly/readonly.mjs
function RemoveReadonly(schema) {
  return CreateType(Discard(schema, [ReadonlyKind]));
}
function AddReadonly(schema) {
  return CreateType({ ...schema, [ReadonlyKind]: "Readonly" });
}
function ReadonlyWithFlag(schema, F) {
  return F === false ? RemoveReadonly(schema) : AddReadonly(schema);
}
function Readonly(schema, enable) {
  const F = enable ?? true;
  return IsMappedResult(schema) ? ReadonlyFromMappedResult(schema, F) : ReadonlyWithFlag(schema, F);
}

// node_modules/@sinclair/typebox/build/esm/type/readonly/readonly-from-mapped-result.mjs
function FromProperties2(K, F) {
  const Acc = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(K))
    Acc[K2] = Readonly(K[K2], F);
  return Acc;
}
function FromMappedResult2(R, F) {
  return FromProperties2(R.properties, F);
}
function ReadonlyFromMappedResult(R, F) {
  const P = FromMappedResult2(R, F);
  return MappedResult(P);
}

// node_modules/@sinclair/typebox/build/esm/type/tuple/tuple.mjs
function Tuple(types, options) {
  return CreateType(types.length > 0 ? { [Kind]: "Tuple", type: "array", items: types, additionalItems: false, minItems: types.length, maxItems: types.length } : { [Kind]: "Tuple", type: "array", minItems: types.length, maxItems: types.length }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/mapped/mapped.mjs
function FromMappedResult3(K, P) {
  return K in P ? FromSchemaType(K, P[K]) : MappedResult(P);
}
function MappedKeyToKnownMappedResultProperties(K) {
  return { [K]: Literal(K) };
}
function MappedKeyToUnknownMappedResultProperties(P) {
  const Acc = {};
  for (const L of P)
    Acc[L] = Literal(L);
  return Acc;
}
function MappedKeyToMappedResultProperties(K, P) {
  return SetIncludes(P, K) ? MappedKeyToKnownMappedResultProperties(K) : MappedKeyToUnknownMappedResultProperties(P);
}
function FromMappedKey(K, P) {
  const R = MappedKeyToMappedResultProperties(K, P);
  return FromMappedResult3(K, R);
}
function FromRest2(K, T) {
  return T.map((L) => FromSchemaType(K, L));
}
function FromProperties3(K, T) {
  const Acc = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(T))
    Acc[K2] = FromSchemaType(K, T[K2]);
  return Acc;
}
function FromSchemaType(K, T) {
  const options = { ...T };
  return (
    // unevaluated modifier types
    IsOptional(T) ? Optional(FromSchemaType(K, Discard(T, [OptionalKind]))) : IsReadonly(T) ? Readonly(FromSchemaType(K, Discard(T, [ReadonlyKind]))) : (
      // unevaluated mapped types
      IsMappedResult(T) ? FromMappedResult3(K, T.properties) : IsMappedKey(T) ? FromMappedKey(K, T.keys) : (
        // unevaluated types
        IsConstructor(T) ? Constructor(FromRest2(K, T.parameters), FromSchemaType(K, T.returns), options) : IsFunction3(T) ? Function(FromRest2(K, T.parameters), FromSchemaType(K, T.returns), options) : IsAsyncIterator3(T) ? AsyncIterator(FromSchemaType(K, T.items), options) : IsIterator3(T) ? Iterator(FromSchemaType(K, T.items), options) : IsIntersect(T) ? Intersect(FromRest2(K, T.allOf), options) : IsUnion(T) ? Union(FromRest2(K, T.anyOf), options) : IsTuple(T) ? Tuple(FromRest2(K, T.items ?? []), options) : IsObject3(T) ? Object2(FromProperties3(K, T.properties), options) : IsArray3(T) ? Array2(FromSchemaType(K, T.items), options) : IsPromise2(T) ? Promise2(FromSchemaType(K, T.item), options) : T
      )
    )
  );
}
function MappedFunctionReturnType(K, T) {
  const Acc = {};
  for (const L of K)
    Acc[L] = FromSchemaType(L, T);
  return Acc;
}
function Mapped(key, map3, options) {
  const K = IsSchema(key) ? IndexPropertyKeys(key) : key;
  const RT = map3({ [Kind]: "MappedKey", keys: K });
  const R = MappedFunctionReturnType(K, RT);
  return Object2(R, options);
}

// node_modules/@sinclair/typebox/build/esm/type/optional/optional.mjs
function RemoveOptional(schema) {
  return CreateType(Discard(schema, [OptionalKind]));
}
function AddOptional(schema) {
  return CreateType({ ...schema, [OptionalKind]: "Optional" });
}
function OptionalWithFlag(schema, F) {
  return F === false ? RemoveOptional(schema) : AddOptional(schema);
}
function Optional(schema, enable) {
  const F = enable ?? true;
  return IsMappedResult(schema) ? OptionalFromMappedResult(schema, F) : OptionalWithFlag(schema, F);
}

// node_modules/@sinclair/typebox/build/esm/type/optional/optional-from-mapped-result.mjs
function FromProperties4(P, F) {
  const Acc = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(P))
    Acc[K2] = Optional(P[K2], F);
  return Acc;
}
function FromMappedResult4(R, F) {
  return FromProperties4(R.properties, F);
}
function OptionalFromMappedResult(R, F) {
  const P = FromMappedResult4(R, F);
  return MappedResult(P);
}

// node_modules/@sinclair/typebox/build/esm/type/intersect/intersect-create.mjs
function IntersectCreate(T, options = {}) {
  const allObjects = T.every((schema) => IsObject3(schema));
  const clonedUnevaluatedProperties = IsSchema(options.unevaluatedProperties) ? { unevaluatedProperties: options.unevaluatedProperties } : {};
  return CreateType(options.unevaluatedProperties === false || IsSchema(options.unevaluatedProperties) || allObjects ? { ...clonedUnevaluatedProperties, [Kind]: "Intersect", type: "object", allOf: T } : { ...clonedUnevaluatedProperties, [Kind]: "Intersect", allOf: T }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/intersect/intersect-evaluated.mjs
function IsIntersectOptional(types) {
  return types.every((left) => IsOptional(left));
}
function RemoveOptionalFromType2(type) {
  return Discard(type, [OptionalKind]);
}
function RemoveOptionalFromRest2(types) {
  return types.map((left) => IsOptional(left) ? RemoveOptionalFromType2(left) : left);
}
function ResolveIntersect(types, options) {
  return IsIntersectOptional(types) ? Optional(IntersectCreate(RemoveOptionalFromRest2(types), options)) : IntersectCreate(RemoveOptionalFromRest2(types), options);
}
function IntersectEvaluated(types, options = {}) {
  if (types.length === 1)
    return CreateType(types[0], options);
  if (types.length === 0)
    return Never(options);
  if (types.some((schema) => IsTransform(schema)))
    throw new Error("Cannot intersect transform types");
  return ResolveIntersect(types, options);
}

// node_modules/@sinclair/typebox/build/esm/type/intersect/intersect.mjs
function Intersect(types, options) {
  if (types.length === 1)
    return CreateType(types[0], options);
  if (types.length === 0)
    return Never(options);
  if (types.some((schema) => IsTransform(schema)))
    throw new Error("Cannot intersect transform types");
  return IntersectCreate(types, options);
}

// node_modules/@sinclair/typebox/build/esm/type/ref/ref.mjs
function Ref(...args) {
  const [$ref, options] = typeof args[0] === "string" ? [args[0], args[1]] : [args[0].$id, args[1]];
  if (typeof $ref !== "string")
    throw new TypeBoxError("Ref: $ref must be a string");
  return CreateType({ [Kind]: "Ref", $ref }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/awaited/awaited.mjs
function FromComputed(target, parameters) {
  return Computed("Awaited", [Computed(target, parameters)]);
}
function FromRef($ref) {
  return Computed("Awaited", [Ref($ref)]);
}
function FromIntersect2(types) {
  return Intersect(FromRest3(types));
}
function FromUnion4(types) {
  return Union(FromRest3(types));
}
function FromPromise(type) {
  return Awaited(type);
}
function FromRest3(types) {
  return types.map((type) => Awaited(type));
}
function Awaited(type, options) {
  return CreateType(IsComputed(type) ? FromComputed(type.target, type.parameters) : IsIntersect(type) ? FromIntersect2(type.allOf) : IsUnion(type) ? FromUnion4(type.anyOf) : IsPromise2(type) ? FromPromise(type.item) : IsRef(type) ? FromRef(type.$ref) : type, options);
}

// node_modules/@sinclair/typebox/build/esm/type/keyof/keyof-property-keys.mjs
function FromRest4(types) {
  const result = [];
  for (const L of types)
    result.push(KeyOfPropertyKeys(L));
  return result;
}
function FromIntersect3(types) {
  const propertyKeysArray = FromRest4(types);
  const propertyKeys = SetUnionMany(propertyKeysArray);
  return propertyKeys;
}
function FromUnion5(types) {
  const propertyKeysArray = FromRest4(types);
  const propertyKeys = SetIntersectMany(propertyKeysArray);
  return propertyKeys;
}
function FromTuple2(types) {
  return types.map((_, indexer) => indexer.toString());
}
function FromArray2(_) {
  return ["[number]"];
}
function FromProperties5(T) {
  return globalThis.Object.getOwnPropertyNames(T);
}
function FromPatternProperties(patternProperties) {
  if (!includePatternProperties)
    return [];
  const patternPropertyKeys = globalThis.Object.getOwnPropertyNames(patternProperties);
  return patternPropertyKeys.map((key) => {
    return key[0] === "^" && key[key.length - 1] === "$" ? key.slice(1, key.length - 1) : key;
  });
}
function KeyOfPropertyKeys(type) {
  return IsIntersect(type) ? FromIntersect3(type.allOf) : IsUnion(type) ? FromUnion5(type.anyOf) : IsTuple(type) ? FromTuple2(type.items ?? []) : IsArray3(type) ? FromArray2(type.items) : IsObject3(type) ? FromProperties5(type.properties) : IsRecord(type) ? FromPatternProperties(type.patternProperties) : [];
}
var includePatternProperties = false;
function KeyOfPattern(schema) {
  includePatternProperties = true;
  const keys = KeyOfPropertyKeys(schema);
  includePatternProperties = false;
  const pattern = keys.map((key) => `(${key})`);
  return `^(${pattern.join("|")})$`;
}

// node_modules/@sinclair/typebox/build/esm/type/keyof/keyof.mjs
function FromComputed2(target, parameters) {
  return Computed("KeyOf", [Computed(target, parameters)]);
}
function FromRef2($ref) {
  return Computed("KeyOf", [Ref($ref)]);
}
function KeyOfFromType(type, options) {
  const propertyKeys = KeyOfPropertyKeys(type);
  const propertyKeyTypes = KeyOfPropertyKeysToRest(propertyKeys);
  const result = UnionEvaluated(propertyKeyTypes);
  return CreateType(result, options);
}
function KeyOfPropertyKeysToRest(propertyKeys) {
  return propertyKeys.map((L) => L === "[number]" ? Number2() : Literal(L));
}
function KeyOf(type, options) {
  return IsComputed(type) ? FromComputed2(type.target, type.parameters) : IsRef(type) ? FromRef2(type.$ref) : IsMappedResult(type) ? KeyOfFromMappedResult(type, options) : KeyOfFromType(type, options);
}

// node_modules/@sinclair/typebox/build/esm/type/keyof/keyof-from-mapped-result.mjs
function FromProperties6(properties, options) {
  const result = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(properties))
    result[K2] = KeyOf(properties[K2], Clone(options));
  return result;
}
function FromMappedResult5(mappedResult, options) {
  return FromProperties6(mappedResult.properties, options);
}
function KeyOfFromMappedResult(mappedResult, options) {
  const properties = FromMappedResult5(mappedResult, options);
  return MappedResult(properties);
}

// node_modules/@sinclair/typebox/build/esm/type/keyof/keyof-property-entries.mjs
function KeyOfPropertyEntries(schema) {
  const keys = KeyOfPropertyKeys(schema);
  const schemas = IndexFromPropertyKeys(schema, keys);
  return keys.map((_, index) => [keys[index], schemas[index]]);
}

// node_modules/@sinclair/typebox/build/esm/type/composite/composite.mjs
function CompositeKeys(T) {
  const Acc = [];
  for (const L of T)
    Acc.push(...KeyOfPropertyKeys(L));
  return SetDistinct(Acc);
}
function FilterNever(T) {
  return T.filter((L) => !IsNever(L));
}
function CompositeProperty(T, K) {
  const Acc = [];
  for (const L of T)
    Acc.push(...IndexFromPropertyKeys(L, [K]));
  return FilterNever(Acc);
}
function CompositeProperties(T, K) {
  const Acc = {};
  for (const L of K) {
    Acc[L] = IntersectEvaluated(CompositeProperty(T, L));
  }
  return Acc;
}
function Composite(T, options) {
  const K = CompositeKeys(T);
  const P = CompositeProperties(T, K);
  const R = Object2(P, options);
  return R;
}

// node_modules/@sinclair/typebox/build/esm/type/date/date.mjs
function Date2(options) {
  return CreateType({ [Kind]: "Date", type: "Date" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/null/null.mjs
function Null(options) {
  return CreateType({ [Kind]: "Null", type: "null" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/symbol/symbol.mjs
function Symbol2(options) {
  return CreateType({ [Kind]: "Symbol", type: "symbol" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/undefined/undefined.mjs
function Undefined(options) {
  return CreateType({ [Kind]: "Undefined", type: "undefined" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/uint8array/uint8array.mjs
function Uint8Array2(options) {
  return CreateType({ [Kind]: "Uint8Array", type: "Uint8Array" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/unknown/unknown.mjs
function Unknown(options) {
  return CreateType({ [Kind]: "Unknown" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/const/const.mjs
function FromArray3(T) {
  return T.map((L) => FromValue(L, false));
}
function FromProperties7(value) {
  const Acc = {};
  for (const K of globalThis.Object.getOwnPropertyNames(value))
    Acc[K] = Readonly(FromValue(value[K], false));
  return Acc;
}
function ConditionalReadonly(T, root) {
  return root === true ? T : Readonly(T);
}
function FromValue(value, root) {
  return IsAsyncIterator(value) ? ConditionalReadonly(Any(), root) : IsIterator(value) ? ConditionalReadonly(Any(), root) : IsArray(value) ? Readonly(Tuple(FromArray3(value))) : IsUint8Array(value) ? Uint8Array2() : IsDate(value) ? Date2() : IsObject(value) ? ConditionalReadonly(Object2(FromProperties7(value)), root) : IsFunction(value) ? ConditionalReadonly(Function([], Unknown()), root) : IsUndefined(value) ? Undefined() : IsNull(value) ? Null() : IsSymbol(value) ? Symbol2() : IsBigInt(value) ? BigInt2() : IsNumber(value) ? Literal(value) : IsBoolean(value) ? Literal(value) : IsString(value) ? Literal(value) : Object2({});
}
function Const(T, options) {
  return CreateType(FromValue(T, true), options);
}

// node_modules/@sinclair/typebox/build/esm/type/constructor-parameters/constructor-parameters.mjs
function ConstructorParameters(schema, options) {
  return IsConstructor(schema) ? Tuple(schema.parameters, options) : Never(options);
}

// node_modules/@sinclair/typebox/build/esm/type/enum/enum.mjs
function Enum(item, options) {
  if (IsUndefined(item))
    throw new Error("Enum undefined or empty");
  const values1 = globalThis.Object.getOwnPropertyNames(item).filter((key) => isNaN(key)).map((key) => item[key]);
  const values2 = [...new Set(values1)];
  const anyOf = values2.map((value) => Literal(value));
  return Union(anyOf, { ...options, [Hint]: "Enum" });
}

// node_modules/@sinclair/typebox/build/esm/type/extends/extends-check.mjs
var ExtendsResolverError = class extends TypeBoxError {
};
var ExtendsResult;
(function(ExtendsResult2) {
  ExtendsResult2[ExtendsResult2["Union"] = 0] = "Union";
  ExtendsResult2[ExtendsResult2["True"] = 1] = "True";
  ExtendsResult2[ExtendsResult2["False"] = 2] = "False";
})(ExtendsResult || (ExtendsResult = {}));
function IntoBooleanResult(result) {
  return result === ExtendsResult.False ? result : ExtendsResult.True;
}
function Throw(message) {
  throw new ExtendsResolverError(message);
}
function IsStructuralRight(right) {
  return type_exports.IsNever(right) || type_exports.IsIntersect(right) || type_exports.IsUnion(right) || type_exports.IsUnknown(right) || type_exports.IsAny(right);
}
function StructuralRight(left, right) {
  return type_exports.IsNever(right) ? FromNeverRight(left, right) : type_exports.IsIntersect(right) ? FromIntersectRight(left, right) : type_exports.IsUnion(right) ? FromUnionRight(left, right) : type_exports.IsUnknown(right) ? FromUnknownRight(left, right) : type_exports.IsAny(right) ? FromAnyRight(left, right) : Throw("StructuralRight");
}
function FromAnyRight(left, right) {
  return ExtendsResult.True;
}
function FromAny(left, right) {
  return type_exports.IsIntersect(right) ? FromIntersectRight(left, right) : type_exports.IsUnion(right) && right.anyOf.some((schema) => type_exports.IsAny(schema) || type_exports.IsUnknown(schema)) ? ExtendsResult.True : type_exports.IsUnion(right) ? ExtendsResult.Union : type_exports.IsUnknown(right) ? ExtendsResult.True : type_exports.IsAny(right) ? ExtendsResult.True : ExtendsResult.Union;
}
function FromArrayRight(left, right) {
  return type_exports.IsUnknown(left) ? ExtendsResult.False : type_exports.IsAny(left) ? ExtendsResult.Union : type_exports.IsNever(left) ? ExtendsResult.True : ExtendsResult.False;
}
function FromArray4(left, right) {
  return type_exports.IsObject(right) && IsObjectArrayLike(right) ? ExtendsResult.True : IsStructuralRight(right) ? StructuralRight(left, right) : !type_exports.IsArray(right) ? ExtendsResult.False : IntoBooleanResult(Visit3(left.items, right.items));
}
function FromAsyncIterator(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : !type_exports.IsAsyncIterator(right) ? ExtendsResult.False : IntoBooleanResult(Visit3(left.items, right.items));
}
function FromBigInt(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : type_exports.IsBigInt(right) ? ExtendsResult.True : ExtendsResult.False;
}
function FromBooleanRight(left, right) {
  return type_exports.IsLiteralBoolean(left) ? ExtendsResult.True : type_exports.IsBoolean(left) ? ExtendsResult.True : ExtendsResult.False;
}
function FromBoolean(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : type_exports.IsBoolean(right) ? ExtendsResult.True : ExtendsResult.False;
}
function FromConstructor(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : !type_exports.IsConstructor(right) ? ExtendsResult.False : left.parameters.length > right.parameters.length ? ExtendsResult.False : !left.parameters.every((schema, index) => IntoBooleanResult(Visit3(right.parameters[index], schema)) === ExtendsResult.True) ? ExtendsResult.False : IntoBooleanResult(Visit3(left.returns, right.returns));
}
function FromDate(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : type_exports.IsDate(right) ? ExtendsResult.True : ExtendsResult.False;
}
function FromFunction(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : !type_exports.IsFunction(right) ? ExtendsResult.False : left.parameters.length > right.parameters.length ? ExtendsResult.False : !left.parameters.every((schema, index) => IntoBooleanResult(Visit3(right.parameters[index], schema)) === ExtendsResult.True) ? ExtendsResult.False : IntoBooleanResult(Visit3(left.returns, right.returns));
}
function FromIntegerRight(left, right) {
  return type_exports.IsLiteral(left) && value_exports.IsNumber(left.const) ? ExtendsResult.True : type_exports.IsNumber(left) || type_exports.IsInteger(left) ? ExtendsResult.True : ExtendsResult.False;
}
function FromInteger(left, right) {
  return type_exports.IsInteger(right) || type_exports.IsNumber(right) ? ExtendsResult.True : IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : ExtendsResult.False;
}
function FromIntersectRight(left, right) {
  return right.allOf.every((schema) => Visit3(left, schema) === ExtendsResult.True) ? ExtendsResult.True : ExtendsResult.False;
}
function FromIntersect4(left, right) {
  return left.allOf.some((schema) => Visit3(schema, right) === ExtendsResult.True) ? ExtendsResult.True : ExtendsResult.False;
}
function FromIterator(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : !type_exports.IsIterator(right) ? ExtendsResult.False : IntoBooleanResult(Visit3(left.items, right.items));
}
function FromLiteral2(left, right) {
  return type_exports.IsLiteral(right) && right.const === left.const ? ExtendsResult.True : IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : type_exports.IsString(right) ? FromStringRight(left, right) : type_exports.IsNumber(right) ? FromNumberRight(left, right) : type_exports.IsInteger(right) ? FromIntegerRight(left, right) : type_exports.IsBoolean(right) ? FromBooleanRight(left, right) : ExtendsResult.False;
}
function FromNeverRight(left, right) {
  return ExtendsResult.False;
}
function FromNever(left, right) {
  return ExtendsResult.True;
}
function UnwrapTNot(schema) {
  let [current, depth] = [schema, 0];
  while (true) {
    if (!type_exports.IsNot(current))
      break;
    current = current.not;
    depth += 1;
  }
  return depth % 2 === 0 ? current : Unknown();
}
function FromNot(left, right) {
  return type_exports.IsNot(left) ? Visit3(UnwrapTNot(left), right) : type_exports.IsNot(right) ? Visit3(left, UnwrapTNot(right)) : Throw("Invalid fallthrough for Not");
}
function FromNull(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : type_exports.IsNull(right) ? ExtendsResult.True : ExtendsResult.False;
}
function FromNumberRight(left, right) {
  return type_exports.IsLiteralNumber(left) ? ExtendsResult.True : type_exports.IsNumber(left) || type_exports.IsInteger(left) ? ExtendsResult.True : ExtendsResult.False;
}
function FromNumber(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : type_exports.IsInteger(right) || type_exports.IsNumber(right) ? ExtendsResult.True : ExtendsResult.False;
}
function IsObjectPropertyCount(schema, count) {
  return Object.getOwnPropertyNames(schema.properties).length === count;
}
function IsObjectStringLike(schema) {
  return IsObjectArrayLike(schema);
}
function IsObjectSymbolLike(schema) {
  return IsObjectPropertyCount(schema, 0) || IsObjectPropertyCount(schema, 1) && "description" in schema.properties && type_exports.IsUnion(schema.properties.description) && schema.properties.description.anyOf.length === 2 && (type_exports.IsString(schema.properties.description.anyOf[0]) && type_exports.IsUndefined(schema.properties.description.anyOf[1]) || type_exports.IsString(schema.properties.description.anyOf[1]) && type_exports.IsUndefined(schema.properties.description.anyOf[0]));
}
function IsObjectNumberLike(schema) {
  return IsObjectPropertyCount(schema, 0);
}
function IsObjectBooleanLike(schema) {
  return IsObjectPropertyCount(schema, 0);
}
function IsObjectBigIntLike(schema) {
  return IsObjectPropertyCount(schema, 0);
}
function IsObjectDateLike(schema) {
  return IsObjectPropertyCount(schema, 0);
}
function IsObjectUint8ArrayLike(schema) {
  return IsObjectArrayLike(schema);
}
function IsObjectFunctionLike(schema) {
  const length = Number2();
  return IsObjectPropertyCount(schema, 0) || IsObjectPropertyCount(schema, 1) && "length" in schema.properties && IntoBooleanResult(Visit3(schema.properties["length"], length)) === ExtendsResult.True;
}
function IsObjectConstructorLike(schema) {
  return IsObjectPropertyCount(schema, 0);
}
function IsObjectArrayLike(schema) {
  const length = Number2();
  return IsObjectPropertyCount(schema, 0) || IsObjectPropertyCount(schema, 1) && "length" in schema.properties && IntoBooleanResult(Visit3(schema.properties["length"], length)) === ExtendsResult.True;
}
function IsObjectPromiseLike(schema) {
  const then = Function([Any()], Any());
  return IsObjectPropertyCount(schema, 0) || IsObjectPropertyCount(schema, 1) && "then" in schema.properties && IntoBooleanResult(Visit3(schema.properties["then"], then)) === ExtendsResult.True;
}
function Property(left, right) {
  return Visit3(left, right) === ExtendsResult.False ? ExtendsResult.False : type_exports.IsOptional(left) && !type_exports.IsOptional(right) ? ExtendsResult.False : ExtendsResult.True;
}
function FromObjectRight(left, right) {
  return type_exports.IsUnknown(left) ? ExtendsResult.False : type_exports.IsAny(left) ? ExtendsResult.Union : type_exports.IsNever(left) || type_exports.IsLiteralString(left) && IsObjectStringLike(right) || type_exports.IsLiteralNumber(left) && IsObjectNumberLike(right) || type_exports.IsLiteralBoolean(left) && IsObjectBooleanLike(right) || type_exports.IsSymbol(left) && IsObjectSymbolLike(right) || type_exports.IsBigInt(left) && IsObjectBigIntLike(right) || type_exports.IsString(left) && IsObjectStringLike(right) || type_exports.IsSymbol(left) && IsObjectSymbolLike(right) || type_exports.IsNumber(left) && IsObjectNumberLike(right) || type_exports.IsInteger(left) && IsObjectNumberLike(right) || type_exports.IsBoolean(left) && IsObjectBooleanLike(right) || type_exports.IsUint8Array(left) && IsObjectUint8ArrayLike(right) || type_exports.IsDate(left) && IsObjectDateLike(right) || type_exports.IsConstructor(left) && IsObjectConstructorLike(right) || type_exports.IsFunction(left) && IsObjectFunctionLike(right) ? ExtendsResult.True : type_exports.IsRecord(left) && type_exports.IsString(RecordKey(left)) ? (() => {
    return right[Hint] === "Record" ? ExtendsResult.True : ExtendsResult.False;
  })() : type_exports.IsRecord(left) && type_exports.IsNumber(RecordKey(left)) ? (() => {
    return IsObjectPropertyCount(right, 0) ? ExtendsResult.True : ExtendsResult.False;
  })() : ExtendsResult.False;
}
function FromObject(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : !type_exports.IsObject(right) ? ExtendsResult.False : (() => {
    for (const key of Object.getOwnPropertyNames(right.properties)) {
      if (!(key in left.properties) && !type_exports.IsOptional(right.properties[key])) {
        return ExtendsResult.False;
      }
      if (type_exports.IsOptional(right.properties[key])) {
        return ExtendsResult.True;
      }
      if (Property(left.properties[key], right.properties[key]) === ExtendsResult.False) {
        return ExtendsResult.False;
      }
    }
    return ExtendsResult.True;
  })();
}
function FromPromise2(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) && IsObjectPromiseLike(right) ? ExtendsResult.True : !type_exports.IsPromise(right) ? ExtendsResult.False : IntoBooleanResult(Visit3(left.item, right.item));
}
function RecordKey(schema) {
  return PatternNumberExact in schema.patternProperties ? Number2() : PatternStringExact in schema.patternProperties ? String2() : Throw("Unknown record key pattern");
}
function RecordValue(schema) {
  return PatternNumberExact in schema.patternProperties ? schema.patternProperties[PatternNumberExact] : PatternStringExact in schema.patternProperties ? schema.patternProperties[PatternStringExact] : Throw("Unable to get record value schema");
}
function FromRecordRight(left, right) {
  const [Key, Value] = [RecordKey(right), RecordValue(right)];
  return type_exports.IsLiteralString(left) && type_exports.IsNumber(Key) && IntoBooleanResult(Visit3(left, Value)) === ExtendsResult.True ? ExtendsResult.True : type_exports.IsUint8Array(left) && type_exports.IsNumber(Key) ? Visit3(left, Value) : type_exports.IsString(left) && type_exports.IsNumber(Key) ? Visit3(left, Value) : type_exports.IsArray(left) && type_exports.IsNumber(Key) ? Visit3(left, Value) : type_exports.IsObject(left) ? (() => {
    for (const key of Object.getOwnPropertyNames(left.properties)) {
      if (Property(Value, left.properties[key]) === ExtendsResult.False) {
        return ExtendsResult.False;
      }
    }
    return ExtendsResult.True;
  })() : ExtendsResult.False;
}
function FromRecord(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : !type_exports.IsRecord(right) ? ExtendsResult.False : Visit3(RecordValue(left), RecordValue(right));
}
function FromRegExp(left, right) {
  const L = type_exports.IsRegExp(left) ? String2() : left;
  const R = type_exports.IsRegExp(right) ? String2() : right;
  return Visit3(L, R);
}
function FromStringRight(left, right) {
  return type_exports.IsLiteral(left) && value_exports.IsString(left.const) ? ExtendsResult.True : type_exports.IsString(left) ? ExtendsResult.True : ExtendsResult.False;
}
function FromString(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : type_exports.IsString(right) ? ExtendsResult.True : ExtendsResult.False;
}
function FromSymbol(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : type_exports.IsSymbol(right) ? ExtendsResult.True : ExtendsResult.False;
}
function FromTemplateLiteral2(left, right) {
  return type_exports.IsTemplateLiteral(left) ? Visit3(TemplateLiteralToUnion(left), right) : type_exports.IsTemplateLiteral(right) ? Visit3(left, TemplateLiteralToUnion(right)) : Throw("Invalid fallthrough for TemplateLiteral");
}
function IsArrayOfTuple(left, right) {
  return type_exports.IsArray(right) && left.items !== void 0 && left.items.every((schema) => Visit3(schema, right.items) === ExtendsResult.True);
}
function FromTupleRight(left, right) {
  return type_exports.IsNever(left) ? ExtendsResult.True : type_exports.IsUnknown(left) ? ExtendsResult.False : type_exports.IsAny(left) ? ExtendsResult.Union : ExtendsResult.False;
}
function FromTuple3(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) && IsObjectArrayLike(right) ? ExtendsResult.True : type_exports.IsArray(right) && IsArrayOfTuple(left, right) ? ExtendsResult.True : !type_exports.IsTuple(right) ? ExtendsResult.False : value_exports.IsUndefined(left.items) && !value_exports.IsUndefined(right.items) || !value_exports.IsUndefined(left.items) && value_exports.IsUndefined(right.items) ? ExtendsResult.False : value_exports.IsUndefined(left.items) && !value_exports.IsUndefined(right.items) ? ExtendsResult.True : left.items.every((schema, index) => Visit3(schema, right.items[index]) === ExtendsResult.True) ? ExtendsResult.True : ExtendsResult.False;
}
function FromUint8Array(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : type_exports.IsUint8Array(right) ? ExtendsResult.True : ExtendsResult.False;
}
function FromUndefined(left, right) {
  return IsStructuralRight(right) ? StructuralRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsRecord(right) ? FromRecordRight(left, right) : type_exports.IsVoid(right) ? FromVoidRight(left, right) : type_exports.IsUndefined(right) ? ExtendsResult.True : ExtendsResult.False;
}
function FromUnionRight(left, right) {
  return right.anyOf.some((schema) => Visit3(left, schema) === ExtendsResult.True) ? ExtendsResult.True : ExtendsResult.False;
}
function FromUnion6(left, right) {
  return left.anyOf.every((schema) => Visit3(schema, right) === ExtendsResult.True) ? ExtendsResult.True : ExtendsResult.False;
}
function FromUnknownRight(left, right) {
  return ExtendsResult.True;
}
function FromUnknown(left, right) {
  return type_exports.IsNever(right) ? FromNeverRight(left, right) : type_exports.IsIntersect(right) ? FromIntersectRight(left, right) : type_exports.IsUnion(right) ? FromUnionRight(left, right) : type_exports.IsAny(right) ? FromAnyRight(left, right) : type_exports.IsString(right) ? FromStringRight(left, right) : type_exports.IsNumber(right) ? FromNumberRight(left, right) : type_exports.IsInteger(right) ? FromIntegerRight(left, right) : type_exports.IsBoolean(right) ? FromBooleanRight(left, right) : type_exports.IsArray(right) ? FromArrayRight(left, right) : type_exports.IsTuple(right) ? FromTupleRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsUnknown(right) ? ExtendsResult.True : ExtendsResult.False;
}
function FromVoidRight(left, right) {
  return type_exports.IsUndefined(left) ? ExtendsResult.True : type_exports.IsUndefined(left) ? ExtendsResult.True : ExtendsResult.False;
}
function FromVoid(left, right) {
  return type_exports.IsIntersect(right) ? FromIntersectRight(left, right) : type_exports.IsUnion(right) ? FromUnionRight(left, right) : type_exports.IsUnknown(right) ? FromUnknownRight(left, right) : type_exports.IsAny(right) ? FromAnyRight(left, right) : type_exports.IsObject(right) ? FromObjectRight(left, right) : type_exports.IsVoid(right) ? ExtendsResult.True : ExtendsResult.False;
}
function Visit3(left, right) {
  return (
    // resolvable
    type_exports.IsTemplateLiteral(left) || type_exports.IsTemplateLiteral(right) ? FromTemplateLiteral2(left, right) : type_exports.IsRegExp(left) || type_exports.IsRegExp(right) ? FromRegExp(left, right) : type_exports.IsNot(left) || type_exports.IsNot(right) ? FromNot(left, right) : (
      // standard
      type_exports.IsAny(left) ? FromAny(left, right) : type_exports.IsArray(left) ? FromArray4(left, right) : type_exports.IsBigInt(left) ? FromBigInt(left, right) : type_exports.IsBoolean(left) ? FromBoolean(left, right) : type_exports.IsAsyncIterator(left) ? FromAsyncIterator(left, right) : type_exports.IsConstructor(left) ? FromConstructor(left, right) : type_exports.IsDate(left) ? FromDate(left, right) : type_exports.IsFunction(left) ? FromFunction(left, right) : type_exports.IsInteger(left) ? FromInteger(left, right) : type_exports.IsIntersect(left) ? FromIntersect4(left, right) : type_exports.IsIterator(left) ? FromIterator(left, right) : type_exports.IsLiteral(left) ? FromLiteral2(left, right) : type_exports.IsNever(left) ? FromNever(left, right) : type_exports.IsNull(left) ? FromNull(left, right) : type_exports.IsNumber(left) ? FromNumber(left, right) : type_exports.IsObject(left) ? FromObject(left, right) : type_exports.IsRecord(left) ? FromRecord(left, right) : type_exports.IsString(left) ? FromString(left, right) : type_exports.IsSymbol(left) ? FromSymbol(left, right) : type_exports.IsTuple(left) ? FromTuple3(left, right) : type_exports.IsPromise(left) ? FromPromise2(left, right) : type_exports.IsUint8Array(left) ? FromUint8Array(left, right) : type_exports.IsUndefined(left) ? FromUndefined(left, right) : type_exports.IsUnion(left) ? FromUnion6(left, right) : type_exports.IsUnknown(left) ? FromUnknown(left, right) : type_exports.IsVoid(left) ? FromVoid(left, right) : Throw(`Unknown left type operand '${left[Kind]}'`)
    )
  );
}
function ExtendsCheck(left, right) {
  return Visit3(left, right);
}

// node_modules/@sinclair/typebox/build/esm/type/extends/extends-from-mapped-result.mjs
function FromProperties8(P, Right, True, False, options) {
  const Acc = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(P))
    Acc[K2] = Extends(P[K2], Right, True, False, Clone(options));
  return Acc;
}
function FromMappedResult6(Left, Right, True, False, options) {
  return FromProperties8(Left.properties, Right, True, False, options);
}
function ExtendsFromMappedResult(Left, Right, True, False, options) {
  const P = FromMappedResult6(Left, Right, True, False, options);
  return MappedResult(P);
}

// node_modules/@sinclair/typebox/build/esm/type/extends/extends.mjs
function ExtendsResolve(left, right, trueType, falseType) {
  const R = ExtendsCheck(left, right);
  return R === ExtendsResult.Union ? Union([trueType, falseType]) : R === ExtendsResult.True ? trueType : falseType;
}
function Extends(L, R, T, F, options) {
  return IsMappedResult(L) ? ExtendsFromMappedResult(L, R, T, F, options) : IsMappedKey(L) ? CreateType(ExtendsFromMappedKey(L, R, T, F, options)) : CreateType(ExtendsResolve(L, R, T, F), options);
}

// node_modules/@sinclair/typebox/build/esm/type/extends/extends-from-mapped-key.mjs
function FromPropertyKey(K, U, L, R, options) {
  return {
    [K]: Extends(Literal(K), U, L, R, Clone(options))
  };
}
function FromPropertyKeys(K, U, L, R, options) {
  return K.reduce((Acc, LK) => {
    return { ...Acc, ...FromPropertyKey(LK, U, L, R, options) };
  }, {});
}
function FromMappedKey2(K, U, L, R, options) {
  return FromPropertyKeys(K.keys, U, L, R, options);
}
function ExtendsFromMappedKey(T, U, L, R, options) {
  const P = FromMappedKey2(T, U, L, R, options);
  return MappedResult(P);
}

// node_modules/@sinclair/typebox/build/esm/type/extends/extends-undefined.mjs
function Intersect2(schema) {
  return schema.allOf.every((schema2) => ExtendsUndefinedCheck(schema2));
}
function Union2(schema) {
  return schema.anyOf.some((schema2) => ExtendsUndefinedCheck(schema2));
}
function Not(schema) {
  return !ExtendsUndefinedCheck(schema.not);
}
function ExtendsUndefinedCheck(schema) {
  return schema[Kind] === "Intersect" ? Intersect2(schema) : schema[Kind] === "Union" ? Union2(schema) : schema[Kind] === "Not" ? Not(schema) : schema[Kind] === "Undefined" ? true : false;
}

// node_modules/@sinclair/typebox/build/esm/type/exclude/exclude-from-template-literal.mjs
function ExcludeFromTemplateLiteral(L, R) {
  return Exclude(TemplateLiteralToUnion(L), R);
}

// node_modules/@sinclair/typebox/build/esm/type/exclude/exclude.mjs
function ExcludeRest(L, R) {
  const excluded = L.filter((inner) => ExtendsCheck(inner, R) === ExtendsResult.False);
  return excluded.length === 1 ? excluded[0] : Union(excluded);
}
function Exclude(L, R, options = {}) {
  if (IsTemplateLiteral(L))
    return CreateType(ExcludeFromTemplateLiteral(L, R), options);
  if (IsMappedResult(L))
    return CreateType(ExcludeFromMappedResult(L, R), options);
  return CreateType(IsUnion(L) ? ExcludeRest(L.anyOf, R) : ExtendsCheck(L, R) !== ExtendsResult.False ? Never() : L, options);
}

// node_modules/@sinclair/typebox/build/esm/type/exclude/exclude-from-mapped-result.mjs
function FromProperties9(P, U) {
  const Acc = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(P))
    Acc[K2] = Exclude(P[K2], U);
  return Acc;
}
function FromMappedResult7(R, T) {
  return FromProperties9(R.properties, T);
}
function ExcludeFromMappedResult(R, T) {
  const P = FromMappedResult7(R, T);
  return MappedResult(P);
}

// node_modules/@sinclair/typebox/build/esm/type/extract/extract-from-template-literal.mjs
function ExtractFromTemplateLiteral(L, R) {
  return Extract(TemplateLiteralToUnion(L), R);
}

// node_modules/@sinclair/typebox/build/esm/type/extract/extract.mjs
function ExtractRest(L, R) {
  const extracted = L.filter((inner) => ExtendsCheck(inner, R) !== ExtendsResult.False);
  return extracted.length === 1 ? extracted[0] : Union(extracted);
}
function Extract(L, R, options) {
  if (IsTemplateLiteral(L))
    return CreateType(ExtractFromTemplateLiteral(L, R), options);
  if (IsMappedResult(L))
    return CreateType(ExtractFromMappedResult(L, R), options);
  return CreateType(IsUnion(L) ? ExtractRest(L.anyOf, R) : ExtendsCheck(L, R) !== ExtendsResult.False ? L : Never(), options);
}

// node_modules/@sinclair/typebox/build/esm/type/extract/extract-from-mapped-result.mjs
function FromProperties10(P, T) {
  const Acc = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(P))
    Acc[K2] = Extract(P[K2], T);
  return Acc;
}
function FromMappedResult8(R, T) {
  return FromProperties10(R.properties, T);
}
function ExtractFromMappedResult(R, T) {
  const P = FromMappedResult8(R, T);
  return MappedResult(P);
}

// node_modules/@sinclair/typebox/build/esm/type/instance-type/instance-type.mjs
function InstanceType(schema, options) {
  return IsConstructor(schema) ? CreateType(schema.returns, options) : Never(options);
}

// node_modules/@sinclair/typebox/build/esm/type/readonly-optional/readonly-optional.mjs
function ReadonlyOptional(schema) {
  return Readonly(Optional(schema));
}

// node_modules/@sinclair/typebox/build/esm/type/record/record.mjs
function RecordCreateFromPattern(pattern, T, options) {
  return CreateType({ [Kind]: "Record", type: "object", patternProperties: { [pattern]: T } }, options);
}
function RecordCreateFromKeys(K, T, options) {
  const result = {};
  for (const K2 of K)
    result[K2] = T;
  return Object2(result, { ...options, [Hint]: "Record" });
}
function FromTemplateLiteralKey(K, T, options) {
  return IsTemplateLiteralFinite(K) ? RecordCreateFromKeys(IndexPropertyKeys(K), T, options) : RecordCreateFromPattern(K.pattern, T, options);
}
function FromUnionKey(key, type, options) {
  return RecordCreateFromKeys(IndexPropertyKeys(Union(key)), type, options);
}
function FromLiteralKey(key, type, options) {
  return RecordCreateFromKeys([key.toString()], type, options);
}
function FromRegExpKey(key, type, options) {
  return RecordCreateFromPattern(key.source, type, options);
}
function FromStringKey(key, type, options) {
  const pattern = IsUndefined(key.pattern) ? PatternStringExact : key.pattern;
  return RecordCreateFromPattern(pattern, type, options);
}
function FromAnyKey(_, type, options) {
  return RecordCreateFromPattern(PatternStringExact, type, options);
}
function FromNeverKey(_key, type, options) {
  return RecordCreateFromPattern(PatternNeverExact, type, options);
}
function FromBooleanKey(_key, type, options) {
  return Object2({ true: type, false: type }, options);
}
function FromIntegerKey(_key, type, options) {
  return RecordCreateFromPattern(PatternNumberExact, type, options);
}
function FromNumberKey(_, type, options) {
  return RecordCreateFromPattern(PatternNumberExact, type, options);
}
function Record(key, type, options = {}) {
  return IsUnion(key) ? FromUnionKey(key.anyOf, type, options) : IsTemplateLiteral(key) ? FromTemplateLiteralKey(key, type, options) : IsLiteral(key) ? FromLiteralKey(key.const, type, options) : IsBoolean3(key) ? FromBooleanKey(key, type, options) : IsInteger2(key) ? FromIntegerKey(key, type, options) : IsNumber3(key) ? FromNumberKey(key, type, options) : IsRegExp2(key) ? FromRegExpKey(key, type, options) : IsString3(key) ? FromStringKey(key, type, options) : IsAny(key) ? FromAnyKey(key, type, options) : IsNever(key) ? FromNeverKey(key, type, options) : Never(options);
}
function RecordPattern(record) {
  return globalThis.Object.getOwnPropertyNames(record.patternProperties)[0];
}
function RecordKey2(type) {
  const pattern = RecordPattern(type);
  return pattern === PatternStringExact ? String2() : pattern === PatternNumberExact ? Number2() : String2({ pattern });
}
function RecordValue2(type) {
  return type.patternProperties[RecordPattern(type)];
}

// node_modules/@sinclair/typebox/build/esm/type/instantiate/instantiate.mjs
function FromConstructor2(args, type) {
  type.parameters = FromTypes(args, type.parameters);
  type.returns = FromType(args, type.returns);
  return type;
}
function FromFunction2(args, type) {
  type.parameters = FromTypes(args, type.parameters);
  type.returns = FromType(args, type.returns);
  return type;
}
function FromIntersect5(args, type) {
  type.allOf = FromTypes(args, type.allOf);
  return type;
}
function FromUnion7(args, type) {
  type.anyOf = FromTypes(args, type.anyOf);
  return type;
}
function FromTuple4(args, type) {
  if (IsUndefined(type.items))
    return type;
  type.items = FromTypes(args, type.items);
  return type;
}
function FromArray5(args, type) {
  type.items = FromType(args, type.items);
  return type;
}
function FromAsyncIterator2(args, type) {
  type.items = FromType(args, type.items);
  return type;
}
function FromIterator2(args, type) {
  type.items = FromType(args, type.items);
  return type;
}
function FromPromise3(args, type) {
  type.item = FromType(args, type.item);
  return type;
}
function FromObject2(args, type) {
  const mappedProperties = FromProperties11(args, type.properties);
  return { ...type, ...Object2(mappedProperties) };
}
function FromRecord2(args, type) {
  const mappedKey = FromType(args, RecordKey2(type));
  const mappedValue = FromType(args, RecordValue2(type));
  const result = Record(mappedKey, mappedValue);
  return { ...type, ...result };
}
function FromArgument(args, argument) {
  return argument.index in args ? args[argument.index] : Unknown();
}
function FromProperty2(args, type) {
  const isReadonly = IsReadonly(type);
  const isOptional = IsOptional(type);
  const mapped = FromType(args, type);
  return isReadonly && isOptional ? ReadonlyOptional(mapped) : isReadonly && !isOptional ? Readonly(mapped) : !isReadonly && isOptional ? Optional(mapped) : mapped;
}
function FromProperties11(args, properties) {
  return globalThis.Object.getOwnPropertyNames(properties).reduce((result, key) => {
    return { ...result, [key]: FromProperty2(args, properties[key]) };
  }, {});
}
function FromTypes(args, types) {
  return types.map((type) => FromType(args, type));
}
function FromType(args, type) {
  return IsConstructor(type) ? FromConstructor2(args, type) : IsFunction3(type) ? FromFunction2(args, type) : IsIntersect(type) ? FromIntersect5(args, type) : IsUnion(type) ? FromUnion7(args, type) : IsTuple(type) ? FromTuple4(args, type) : IsArray3(type) ? FromArray5(args, type) : IsAsyncIterator3(type) ? FromAsyncIterator2(args, type) : IsIterator3(type) ? FromIterator2(args, type) : IsPromise2(type) ? FromPromise3(args, type) : IsObject3(type) ? FromObject2(args, type) : IsRecord(type) ? FromRecord2(args, type) : IsArgument(type) ? FromArgument(args, type) : type;
}
function Instantiate(type, args) {
  return FromType(args, CloneType(type));
}

// node_modules/@sinclair/typebox/build/esm/type/integer/integer.mjs
function Integer(options) {
  return CreateType({ [Kind]: "Integer", type: "integer" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/intrinsic/intrinsic-from-mapped-key.mjs
function MappedIntrinsicPropertyKey(K, M, options) {
  return {
    [K]: Intrinsic(Literal(K), M, Clone(options))
  };
}
function MappedIntrinsicPropertyKeys(K, M, options) {
  const result = K.reduce((Acc, L) => {
    return { ...Acc, ...MappedIntrinsicPropertyKey(L, M, options) };
  }, {});
  return result;
}
function MappedIntrinsicProperties(T, M, options) {
  return MappedIntrinsicPropertyKeys(T["keys"], M, options);
}
function IntrinsicFromMappedKey(T, M, options) {
  const P = MappedIntrinsicProperties(T, M, options);
  return MappedResult(P);
}

// node_modules/@sinclair/typebox/build/esm/type/intrinsic/intrinsic.mjs
function ApplyUncapitalize(value) {
  const [first, rest] = [value.slice(0, 1), value.slice(1)];
  return [first.toLowerCase(), rest].join("");
}
function ApplyCapitalize(value) {
  const [first, rest] = [value.slice(0, 1), value.slice(1)];
  return [first.toUpperCase(), rest].join("");
}
function ApplyUppercase(value) {
  return value.toUpperCase();
}
function ApplyLowercase(value) {
  return value.toLowerCase();
}
function FromTemplateLiteral3(schema, mode, options) {
  const expression = TemplateLiteralParseExact(schema.pattern);
  const finite = IsTemplateLiteralExpressionFinite(expression);
  if (!finite)
    return { ...schema, pattern: FromLiteralValue(schema.pattern, mode) };
  const strings = [...TemplateLiteralExpressionGenerate(expression)];
  const literals = strings.map((value) => Literal(value));
  const mapped = FromRest5(literals, mode);
  const union = Union(mapped);
  return TemplateLiteral([union], options);
}
function FromLiteralValue(value, mode) {
  return typeof value === "string" ? mode === "Uncapitalize" ? ApplyUncapitalize(value) : mode === "Capitalize" ? ApplyCapitalize(value) : mode === "Uppercase" ? ApplyUppercase(value) : mode === "Lowercase" ? ApplyLowercase(value) : value : value.toString();
}
function FromRest5(T, M) {
  return T.map((L) => Intrinsic(L, M));
}
function Intrinsic(schema, mode, options = {}) {
  return (
    // Intrinsic-Mapped-Inference
    IsMappedKey(schema) ? IntrinsicFromMappedKey(schema, mode, options) : (
      // Standard-Inference
      IsTemplateLiteral(schema) ? FromTemplateLiteral3(schema, mode, options) : IsUnion(schema) ? Union(FromRest5(schema.anyOf, mode), options) : IsLiteral(schema) ? Literal(FromLiteralValue(schema.const, mode), options) : (
        // Default Type
        CreateType(schema, options)
      )
    )
  );
}

// node_modules/@sinclair/typebox/build/esm/type/intrinsic/capitalize.mjs
function Capitalize(T, options = {}) {
  return Intrinsic(T, "Capitalize", options);
}

// node_modules/@sinclair/typebox/build/esm/type/intrinsic/lowercase.mjs
function Lowercase(T, options = {}) {
  return Intrinsic(T, "Lowercase", options);
}

// node_modules/@sinclair/typebox/build/esm/type/intrinsic/uncapitalize.mjs
function Uncapitalize(T, options = {}) {
  return Intrinsic(T, "Uncapitalize", options);
}

// node_modules/@sinclair/typebox/build/esm/type/intrinsic/uppercase.mjs
function Uppercase(T, options = {}) {
  return Intrinsic(T, "Uppercase", options);
}

// node_modules/@sinclair/typebox/build/esm/type/omit/omit-from-mapped-result.mjs
function FromProperties12(properties, propertyKeys, options) {
  const result = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(properties))
    result[K2] = Omit(properties[K2], propertyKeys, Clone(options));
  return result;
}
function FromMappedResult9(mappedResult, propertyKeys, options) {
  return FromProperties12(mappedResult.properties, propertyKeys, options);
}
function OmitFromMappedResult(mappedResult, propertyKeys, options) {
  const properties = FromMappedResult9(mappedResult, propertyKeys, options);
  return MappedResult(properties);
}

// node_modules/@sinclair/typebox/build/esm/type/omit/omit.mjs
function FromIntersect6(types, propertyKeys) {
  return types.map((type) => OmitResolve(type, propertyKeys));
}
function FromUnion8(types, propertyKeys) {
  return types.map((type) => OmitResolve(type, propertyKeys));
}
function FromProperty3(properties, key) {
  const { [key]: _, ...R } = properties;
  return R;
}
function FromProperties13(properties, propertyKeys) {
  return propertyKeys.reduce((T, K2) => FromProperty3(T, K2), properties);
}
function FromObject3(type, propertyKeys, properties) {
  const options = Discard(type, [TransformKind, "$id", "required", "properties"]);
  const mappedProperties = FromProperties13(properties, propertyKeys);
  return Object2(mappedProperties, options);
}
function UnionFromPropertyKeys(propertyKeys) {
  const result = propertyKeys.reduce((result2, key) => IsLiteralValue(key) ? [...result2, Literal(key)] : result2, []);
  return Union(result);
}
function OmitResolve(type, propertyKeys) {
  return IsIntersect(type) ? Intersect(FromIntersect6(type.allOf, propertyKeys)) : IsUnion(type) ? Union(FromUnion8(type.anyOf, propertyKeys)) : IsObject3(type) ? FromObject3(type, propertyKeys, type.properties) : Object2({});
}
function Omit(type, key, options) {
  const typeKey = IsArray(key) ? UnionFromPropertyKeys(key) : key;
  const propertyKeys = IsSchema(key) ? IndexPropertyKeys(key) : key;
  const isTypeRef = IsRef(type);
  const isKeyRef = IsRef(key);
  return IsMappedResult(type) ? OmitFromMappedResult(type, propertyKeys, options) : IsMappedKey(key) ? OmitFromMappedKey(type, key, options) : isTypeRef && isKeyRef ? Computed("Omit", [type, typeKey], options) : !isTypeRef && isKeyRef ? Computed("Omit", [type, typeKey], options) : isTypeRef && !isKeyRef ? Computed("Omit", [type, typeKey], options) : CreateType({ ...OmitResolve(type, propertyKeys), ...options });
}

// node_modules/@sinclair/typebox/build/esm/type/omit/omit-from-mapped-key.mjs
function FromPropertyKey2(type, key, options) {
  return { [key]: Omit(type, [key], Clone(options)) };
}
function FromPropertyKeys2(type, propertyKeys, options) {
  return propertyKeys.reduce((Acc, LK) => {
    return { ...Acc, ...FromPropertyKey2(type, LK, options) };
  }, {});
}
function FromMappedKey3(type, mappedKey, options) {
  return FromPropertyKeys2(type, mappedKey.keys, options);
}
function OmitFromMappedKey(type, mappedKey, options) {
  const properties = FromMappedKey3(type, mappedKey, options);
  return MappedResult(properties);
}

// node_modules/@sinclair/typebox/build/esm/type/pick/pick-from-mapped-result.mjs
function FromProperties14(properties, propertyKeys, options) {
  const result = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(properties))
    result[K2] = Pick(properties[K2], propertyKeys, Clone(options));
  return result;
}
function FromMappedResult10(mappedResult, propertyKeys, options) {
  return FromProperties14(mappedResult.properties, propertyKeys, options);
}
function PickFromMappedResult(mappedResult, propertyKeys, options) {
  const properties = FromMappedResult10(mappedResult, propertyKeys, options);
  return MappedResult(properties);
}

// node_modules/@sinclair/typebox/build/esm/type/pick/pick.mjs
function FromIntersect7(types, propertyKeys) {
  return types.map((type) => PickResolve(type, propertyKeys));
}
function FromUnion9(types, propertyKeys) {
  return types.map((type) => PickResolve(type, propertyKeys));
}
function FromProperties15(properties, propertyKeys) {
  const result = {};
  for (const K2 of propertyKeys)
    if (K2 in properties)
      result[K2] = properties[K2];
  return result;
}
function FromObject4(Type2, keys, properties) {
  const options = Discard(Type2, [TransformKind, "$id", "required", "properties"]);
  const mappedProperties = FromProperties15(properties, keys);
  return Object2(mappedProperties, options);
}
function UnionFromPropertyKeys2(propertyKeys) {
  const result = propertyKeys.reduce((result2, key) => IsLiteralValue(key) ? [...result2, Literal(key)] : result2, []);
  return Union(result);
}
function PickResolve(type, propertyKeys) {
  return IsIntersect(type) ? Intersect(FromIntersect7(type.allOf, propertyKeys)) : IsUnion(type) ? Union(FromUnion9(type.anyOf, propertyKeys)) : IsObject3(type) ? FromObject4(type, propertyKeys, type.properties) : Object2({});
}
function Pick(type, key, options) {
  const typeKey = IsArray(key) ? UnionFromPropertyKeys2(key) : key;
  const propertyKeys = IsSchema(key) ? IndexPropertyKeys(key) : key;
  const isTypeRef = IsRef(type);
  const isKeyRef = IsRef(key);
  return IsMappedResult(type) ? PickFromMappedResult(type, propertyKeys, options) : IsMappedKey(key) ? PickFromMappedKey(type, key, options) : isTypeRef && isKeyRef ? Computed("Pick", [type, typeKey], options) : !isTypeRef && isKeyRef ? Computed("Pick", [type, typeKey], options) : isTypeRef && !isKeyRef ? Computed("Pick", [type, typeKey], options) : CreateType({ ...PickResolve(type, propertyKeys), ...options });
}

// node_modules/@sinclair/typebox/build/esm/type/pick/pick-from-mapped-key.mjs
function FromPropertyKey3(type, key, options) {
  return {
    [key]: Pick(type, [key], Clone(options))
  };
}
function FromPropertyKeys3(type, propertyKeys, options) {
  return propertyKeys.reduce((result, leftKey) => {
    return { ...result, ...FromPropertyKey3(type, leftKey, options) };
  }, {});
}
function FromMappedKey4(type, mappedKey, options) {
  return FromPropertyKeys3(type, mappedKey.keys, options);
}
function PickFromMappedKey(type, mappedKey, options) {
  const properties = FromMappedKey4(type, mappedKey, options);
  return MappedResult(properties);
}

// node_modules/@sinclair/typebox/build/esm/type/partial/partial.mjs
function FromComputed3(target, parameters) {
  return Computed("Partial", [Computed(target, parameters)]);
}
function FromRef3($ref) {
  return Computed("Partial", [Ref($ref)]);
}
function FromProperties16(properties) {
  const partialProperties = {};
  for (const K of globalThis.Object.getOwnPropertyNames(properties))
    partialProperties[K] = Optional(properties[K]);
  return partialProperties;
}
function FromObject5(type, properties) {
  const options = Discard(type, [TransformKind, "$id", "required", "properties"]);
  const mappedProperties = FromProperties16(properties);
  return Object2(mappedProperties, options);
}
function FromRest6(types) {
  return types.map((type) => PartialResolve(type));
}
function PartialResolve(type) {
  return (
    // Mappable
    IsComputed(type) ? FromComputed3(type.target, type.parameters) : IsRef(type) ? FromRef3(type.$ref) : IsIntersect(type) ? Intersect(FromRest6(type.allOf)) : IsUnion(type) ? Union(FromRest6(type.anyOf)) : IsObject3(type) ? FromObject5(type, type.properties) : (
      // Intrinsic
      IsBigInt3(type) ? type : IsBoolean3(type) ? type : IsInteger2(type) ? type : IsLiteral(type) ? type : IsNull3(type) ? type : IsNumber3(type) ? type : IsString3(type) ? type : IsSymbol3(type) ? type : IsUndefined3(type) ? type : (
        // Passthrough
        Object2({})
      )
    )
  );
}
function Partial(type, options) {
  if (IsMappedResult(type)) {
    return PartialFromMappedResult(type, options);
  } else {
    return CreateType({ ...PartialResolve(type), ...options });
  }
}

// node_modules/@sinclair/typebox/build/esm/type/partial/partial-from-mapped-result.mjs
function FromProperties17(K, options) {
  const Acc = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(K))
    Acc[K2] = Partial(K[K2], Clone(options));
  return Acc;
}
function FromMappedResult11(R, options) {
  return FromProperties17(R.properties, options);
}
function PartialFromMappedResult(R, options) {
  const P = FromMappedResult11(R, options);
  return MappedResult(P);
}

// node_modules/@sinclair/typebox/build/esm/type/required/required.mjs
function FromComputed4(target, parameters) {
  return Computed("Required", [Computed(target, parameters)]);
}
function FromRef4($ref) {
  return Computed("Required", [Ref($ref)]);
}
function FromProperties18(properties) {
  const requiredProperties = {};
  for (const K of globalThis.Object.getOwnPropertyNames(properties))
    requiredProperties[K] = Discard(properties[K], [OptionalKind]);
  return requiredProperties;
}
function FromObject6(type, properties) {
  const options = Discard(type, [TransformKind, "$id", "required", "properties"]);
  const mappedProperties = FromProperties18(properties);
  return Object2(mappedProperties, options);
}
function FromRest7(types) {
  return types.map((type) => RequiredResolve(type));
}
function RequiredResolve(type) {
  return (
    // Mappable
    IsComputed(type) ? FromComputed4(type.target, type.parameters) : IsRef(type) ? FromRef4(type.$ref) : IsIntersect(type) ? Intersect(FromRest7(type.allOf)) : IsUnion(type) ? Union(FromRest7(type.anyOf)) : IsObject3(type) ? FromObject6(type, type.properties) : (
      // Intrinsic
      IsBigInt3(type) ? type : IsBoolean3(type) ? type : IsInteger2(type) ? type : IsLiteral(type) ? type : IsNull3(type) ? type : IsNumber3(type) ? type : IsString3(type) ? type : IsSymbol3(type) ? type : IsUndefined3(type) ? type : (
        // Passthrough
        Object2({})
      )
    )
  );
}
function Required(type, options) {
  if (IsMappedResult(type)) {
    return RequiredFromMappedResult(type, options);
  } else {
    return CreateType({ ...RequiredResolve(type), ...options });
  }
}

// node_modules/@sinclair/typebox/build/esm/type/required/required-from-mapped-result.mjs
function FromProperties19(P, options) {
  const Acc = {};
  for (const K2 of globalThis.Object.getOwnPropertyNames(P))
    Acc[K2] = Required(P[K2], options);
  return Acc;
}
function FromMappedResult12(R, options) {
  return FromProperties19(R.properties, options);
}
function RequiredFromMappedResult(R, options) {
  const P = FromMappedResult12(R, options);
  return MappedResult(P);
}

// node_modules/@sinclair/typebox/build/esm/type/module/compute.mjs
function DereferenceParameters(moduleProperties, types) {
  return types.map((type) => {
    return IsRef(type) ? Dereference(moduleProperties, type.$ref) : FromType2(moduleProperties, type);
  });
}
function Dereference(moduleProperties, ref) {
  return ref in moduleProperties ? IsRef(moduleProperties[ref]) ? Dereference(moduleProperties, moduleProperties[ref].$ref) : FromType2(moduleProperties, moduleProperties[ref]) : Never();
}
function FromAwaited(parameters) {
  return Awaited(parameters[0]);
}
function FromIndex(parameters) {
  return Index(parameters[0], parameters[1]);
}
function FromKeyOf(parameters) {
  return KeyOf(parameters[0]);
}
function FromPartial(parameters) {
  return Partial(parameters[0]);
}
function FromOmit(parameters) {
  return Omit(parameters[0], parameters[1]);
}
function FromPick(parameters) {
  return Pick(parameters[0], parameters[1]);
}
function FromRequired(parameters) {
  return Required(parameters[0]);
}
function FromComputed5(moduleProperties, target, parameters) {
  const dereferenced = DereferenceParameters(moduleProperties, parameters);
  return target === "Awaited" ? FromAwaited(dereferenced) : target === "Index" ? FromIndex(dereferenced) : target === "KeyOf" ? FromKeyOf(dereferenced) : target === "Partial" ? FromPartial(dereferenced) : target === "Omit" ? FromOmit(dereferenced) : target === "Pick" ? FromPick(dereferenced) : target === "Required" ? FromRequired(dereferenced) : Never();
}
function FromArray6(moduleProperties, type) {
  return Array2(FromType2(moduleProperties, type));
}
function FromAsyncIterator3(moduleProperties, type) {
  return AsyncIterator(FromType2(moduleProperties, type));
}
function FromConstructor3(moduleProperties, parameters, instanceType) {
  return Constructor(FromTypes2(moduleProperties, parameters), FromType2(moduleProperties, instanceType));
}
function FromFunction3(moduleProperties, parameters, returnType) {
  return Function(FromTypes2(moduleProperties, parameters), FromType2(moduleProperties, returnType));
}
function FromIntersect8(moduleProperties, types) {
  return Intersect(FromTypes2(moduleProperties, types));
}
function FromIterator3(moduleProperties, type) {
  return Iterator(FromType2(moduleProperties, type));
}
function FromObject7(moduleProperties, properties) {
  return Object2(globalThis.Object.keys(properties).reduce((result, key) => {
    return { ...result, [key]: FromType2(moduleProperties, properties[key]) };
  }, {}));
}
function FromRecord3(moduleProperties, type) {
  const [value, pattern] = [FromType2(moduleProperties, RecordValue2(type)), RecordPattern(type)];
  const result = CloneType(type);
  result.patternProperties[pattern] = value;
  return result;
}
function FromTransform(moduleProperties, transform) {
  return IsRef(transform) ? { ...Dereference(moduleProperties, transform.$ref), [TransformKind]: transform[TransformKind] } : transform;
}
function FromTuple5(moduleProperties, types) {
  return Tuple(FromTypes2(moduleProperties, types));
}
function FromUnion10(moduleProperties, types) {
  return Union(FromTypes2(moduleProperties, types));
}
function FromTypes2(moduleProperties, types) {
  return types.map((type) => FromType2(moduleProperties, type));
}
function FromType2(moduleProperties, type) {
  return (
    // Modifiers
    IsOptional(type) ? CreateType(FromType2(moduleProperties, Discard(type, [OptionalKind])), type) : IsReadonly(type) ? CreateType(FromType2(moduleProperties, Discard(type, [ReadonlyKind])), type) : (
      // Transform
      IsTransform(type) ? CreateType(FromTransform(moduleProperties, type), type) : (
        // Types
        IsArray3(type) ? CreateType(FromArray6(moduleProperties, type.items), type) : IsAsyncIterator3(type) ? CreateType(FromAsyncIterator3(moduleProperties, type.items), type) : IsComputed(type) ? CreateType(FromComputed5(moduleProperties, type.target, type.parameters)) : IsConstructor(type) ? CreateType(FromConstructor3(moduleProperties, type.parameters, type.returns), type) : IsFunction3(type) ? CreateType(FromFunction3(moduleProperties, type.parameters, type.returns), type) : IsIntersect(type) ? CreateType(FromIntersect8(moduleProperties, type.allOf), type) : IsIterator3(type) ? CreateType(FromIterator3(moduleProperties, type.items), type) : IsObject3(type) ? CreateType(FromObject7(moduleProperties, type.properties), type) : IsRecord(type) ? CreateType(FromRecord3(moduleProperties, type)) : IsTuple(type) ? CreateType(FromTuple5(moduleProperties, type.items || []), type) : IsUnion(type) ? CreateType(FromUnion10(moduleProperties, type.anyOf), type) : type
      )
    )
  );
}
function ComputeType(moduleProperties, key) {
  return key in moduleProperties ? FromType2(moduleProperties, moduleProperties[key]) : Never();
}
function ComputeModuleProperties(moduleProperties) {
  return globalThis.Object.getOwnPropertyNames(moduleProperties).reduce((result, key) => {
    return { ...result, [key]: ComputeType(moduleProperties, key) };
  }, {});
}

// node_modules/@sinclair/typebox/build/esm/type/module/module.mjs
var TModule = class {
  constructor($defs) {
    const computed = ComputeModuleProperties($defs);
    const identified = this.WithIdentifiers(computed);
    this.$defs = identified;
  }
  /** `[Json]` Imports a Type by Key. */
  Import(key, options) {
    const $defs = { ...this.$defs, [key]: CreateType(this.$defs[key], options) };
    return CreateType({ [Kind]: "Import", $defs, $ref: key });
  }
  // prettier-ignore
  WithIdentifiers($defs) {
    return globalThis.Object.getOwnPropertyNames($defs).reduce((result, key) => {
      return { ...result, [key]: { ...$defs[key], $id: key } };
    }, {});
  }
};
function Module(properties) {
  return new TModule(properties);
}

// node_modules/@sinclair/typebox/build/esm/type/not/not.mjs
function Not2(type, options) {
  return CreateType({ [Kind]: "Not", not: type }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/parameters/parameters.mjs
function Parameters(schema, options) {
  return IsFunction3(schema) ? Tuple(schema.parameters, options) : Never();
}

// node_modules/@sinclair/typebox/build/esm/type/recursive/recursive.mjs
var Ordinal = 0;
function Recursive(callback, options = {}) {
  if (IsUndefined(options.$id))
    options.$id = `T${Ordinal++}`;
  const thisType = CloneType(callback({ [Kind]: "This", $ref: `${options.$id}` }));
  thisType.$id = options.$id;
  return CreateType({ [Hint]: "Recursive", ...thisType }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/regexp/regexp.mjs
function RegExp2(unresolved, options) {
  const expr = IsString(unresolved) ? new globalThis.RegExp(unresolved) : unresolved;
  return CreateType({ [Kind]: "RegExp", type: "RegExp", source: expr.source, flags: expr.flags }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/rest/rest.mjs
function RestResolve(T) {
  return IsIntersect(T) ? T.allOf : IsUnion(T) ? T.anyOf : IsTuple(T) ? T.items ?? [] : [];
}
function Rest(T) {
  return RestResolve(T);
}

// node_modules/@sinclair/typebox/build/esm/type/return-type/return-type.mjs
function ReturnType(schema, options) {
  return IsFunction3(schema) ? CreateType(schema.returns, options) : Never(options);
}

// node_modules/@sinclair/typebox/build/esm/type/transform/transform.mjs
var TransformDecodeBuilder = class {
  constructor(schema) {
    this.schema = schema;
  }
  Decode(decode) {
    return new TransformEncodeBuilder(this.schema, decode);
  }
};
var TransformEncodeBuilder = class {
  constructor(schema, decode) {
    this.schema = schema;
    this.decode = decode;
  }
  EncodeTransform(encode, schema) {
    const Encode = (value) => schema[TransformKind].Encode(encode(value));
    const Decode = (value) => this.decode(schema[TransformKind].Decode(value));
    const Codec = { Encode, Decode };
    return { ...schema, [TransformKind]: Codec };
  }
  EncodeSchema(encode, schema) {
    const Codec = { Decode: this.decode, Encode: encode };
    return { ...schema, [TransformKind]: Codec };
  }
  Encode(encode) {
    return IsTransform(this.schema) ? this.EncodeTransform(encode, this.schema) : this.EncodeSchema(encode, this.schema);
  }
};
function Transform(schema) {
  return new TransformDecodeBuilder(schema);
}

// node_modules/@sinclair/typebox/build/esm/type/unsafe/unsafe.mjs
function Unsafe(options = {}) {
  return CreateType({ [Kind]: options[Kind] ?? "Unsafe" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/void/void.mjs
function Void(options) {
  return CreateType({ [Kind]: "Void", type: "void" }, options);
}

// node_modules/@sinclair/typebox/build/esm/type/type/type.mjs
var type_exports3 = {};
__export(type_exports3, {
  Any: () => Any,
  Argument: () => Argument,
  Array: () => Array2,
  AsyncIterator: () => AsyncIterator,
  Awaited: () => Awaited,
  BigInt: () => BigInt2,
  Boolean: () => Boolean,
  Capitalize: () => Capitalize,
  Composite: () => Composite,
  Const: () => Const,
  Constructor: () => Constructor,
  ConstructorParameters: () => ConstructorParameters,
  Date: () => Date2,
  Enum: () => Enum,
  Exclude: () => Exclude,
  Extends: () => Extends,
  Extract: () => Extract,
  Function: () => Function,
  Index: () => Index,
  InstanceType: () => InstanceType,
  Instantiate: () => Instantiate,
  Integer: () => Integer,
  Intersect: () => Intersect,
  Iterator: () => Iterator,
  KeyOf: () => KeyOf,
  Literal: () => Literal,
  Lowercase: () => Lowercase,
  Mapped: () => Mapped,
  Module: () => Module,
  Never: () => Never,
  Not: () => Not2,
  Null: () => Null,
  Number: () => Number2,
  Object: () => Object2,
  Omit: () => Omit,
  Optional: () => Optional,
  Parameters: () => Parameters,
  Partial: () => Partial,
  Pick: () => Pick,
  Promise: () => Promise2,
  Readonly: () => Readonly,
  ReadonlyOptional: () => ReadonlyOptional,
  Record: () => Record,
  Recursive: () => Recursive,
  Ref: () => Ref,
  RegExp: () => RegExp2,
  Required: () => Required,
  Rest: () => Rest,
  ReturnType: () => ReturnType,
  String: () => String2,
  Symbol: () => Symbol2,
  TemplateLiteral: () => TemplateLiteral,
  Transform: () => Transform,
  Tuple: () => Tuple,
  Uint8Array: () => Uint8Array2,
  Uncapitalize: () => Uncapitalize,
  Undefined: () => Undefined,
  Union: () => Union,
  Unknown: () => Unknown,
  Unsafe: () => Unsafe,
  Uppercase: () => Uppercase,
  Void: () => Void
});

// node_modules/@sinclair/typebox/build/esm/type/type/index.mjs
var Type = type_exports3;

// src/problems/smoothing/schema.ts
var finiteNonNegative = "must be a finite number >= 0";
var SmoothingScenario = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, errorMessage: "must be a non-empty string", description: "Scenario (service) name; defaults to its index." })),
    weight: Type.Optional(Type.Number({ exclusiveMinimum: 0, errorMessage: "must be a finite number > 0", description: "Weight of this scenario's variation (default 1)." })),
    maxStep: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e12, errorMessage: "must be an integer >= 0", description: "Largest allowed change between consecutive steps (default: unbounded)." })),
    demand: Type.Array(Type.Number({ minimum: 0, maximum: 1e12, errorMessage: `${finiteNonNegative} (at most 1e12)` }), {
      errorMessage: "must be an array of finite numbers >= 0",
      description: "Forecast demand per time step (resource units, may be fractional)."
    })
  },
  { additionalProperties: false, errorMessage: "must be an object" }
);
var SmoothingInstance = Type.Object(
  {
    problem: Type.Literal("smoothing"),
    alpha: Type.Optional(Type.Number({ minimum: 0, errorMessage: finiteNonNegative, description: "Price of one unit of change relative to one resource-step (default 1)." })),
    budget: Type.Optional(Type.Number({
      minimum: 0,
      maximum: 1e300,
      errorMessage: finiteNonNegative,
      description: "Total resource-time units (\u03A3 over scenarios and steps of the plan). With a budget the objective is the weighted variation alone (alpha is ignored), subject to \u03A3 plan <= budget."
    })),
    scenarios: Type.Array(SmoothingScenario, { errorMessage: "must be an array of scenarios" })
  },
  { additionalProperties: false, errorMessage: "must be an object", $id: "greenplan/smoothing" }
);

// node_modules/@sinclair/typebox/build/esm/system/evaluate.mjs
function Evaluate(...args) {
  return new globalThis.Function(...args);
}

// node_modules/@sinclair/typebox/build/esm/errors/function.mjs
function DefaultErrorFunction(error) {
  switch (error.errorType) {
    case ValueErrorType.ArrayContains:
      return "Expected array to contain at least one matching value";
    case ValueErrorType.ArrayMaxContains:
      return `Expected array to contain no more than ${error.schema.maxContains} matching values`;
    case ValueErrorType.ArrayMinContains:
      return `Expected array to contain at least ${error.schema.minContains} matching values`;
    case ValueErrorType.ArrayMaxItems:
      return `Expected array length to be less or equal to ${error.schema.maxItems}`;
    case ValueErrorType.ArrayMinItems:
      return `Expected array length to be greater or equal to ${error.schema.minItems}`;
    case ValueErrorType.ArrayUniqueItems:
      return "Expected array elements to be unique";
    case ValueErrorType.Array:
      return "Expected array";
    case ValueErrorType.AsyncIterator:
      return "Expected AsyncIterator";
    case ValueErrorType.BigIntExclusiveMaximum:
      return `Expected bigint to be less than ${error.schema.exclusiveMaximum}`;
    case ValueErrorType.BigIntExclusiveMinimum:
      return `Expected bigint to be greater than ${error.schema.exclusiveMinimum}`;
    case ValueErrorType.BigIntMaximum:
      return `Expected bigint to be less or equal to ${error.schema.maximum}`;
    case ValueErrorType.BigIntMinimum:
      return `Expected bigint to be greater or equal to ${error.schema.minimum}`;
    case ValueErrorType.BigIntMultipleOf:
      return `Expected bigint to be a multiple of ${error.schema.multipleOf}`;
    case ValueErrorType.BigInt:
      return "Expected bigint";
    case ValueErrorType.Boolean:
      return "Expected boolean";
    case ValueErrorType.DateExclusiveMinimumTimestamp:
      return `Expected Date timestamp to be greater than ${error.schema.exclusiveMinimumTimestamp}`;
    case ValueErrorType.DateExclusiveMaximumTimestamp:
      return `Expected Date timestamp to be less than ${error.schema.exclusiveMaximumTimestamp}`;
    case ValueErrorType.DateMinimumTimestamp:
      return `Expected Date timestamp to be greater or equal to ${error.schema.minimumTimestamp}`;
    case ValueErrorType.DateMaximumTimestamp:
      return `Expected Date timestamp to be less or equal to ${error.schema.maximumTimestamp}`;
    case ValueErrorType.DateMultipleOfTimestamp:
      return `Expected Date timestamp to be a multiple of ${error.schema.multipleOfTimestamp}`;
    case ValueErrorType.Date:
      return "Expected Date";
    case ValueErrorType.Function:
      return "Expected function";
    case ValueErrorType.IntegerExclusiveMaximum:
      return `Expected integer to be less than ${error.schema.exclusiveMaximum}`;
    case ValueErrorType.IntegerExclusiveMinimum:
      return `Expected integer to be greater than ${error.schema.exclusiveMinimum}`;
    case ValueErrorType.IntegerMaximum:
      return `Expected integer to be less or equal to ${error.schema.maximum}`;
    case ValueErrorType.IntegerMinimum:
      return `Expected integer to be greater or equal to ${error.schema.minimum}`;
    case ValueErrorType.IntegerMultipleOf:
      return `Expected integer to be a multiple of ${error.schema.multipleOf}`;
    case ValueErrorType.Integer:
      return "Expected integer";
    case ValueErrorType.IntersectUnevaluatedProperties:
      return "Unexpected property";
    case ValueErrorType.Intersect:
      return "Expected all values to match";
    case ValueErrorType.Iterator:
      return "Expected Iterator";
    case ValueErrorType.Literal:
      return `Expected ${typeof error.schema.const === "string" ? `'${error.schema.const}'` : error.schema.const}`;
    case ValueErrorType.Never:
      return "Never";
    case ValueErrorType.Not:
      return "Value should not match";
    case ValueErrorType.Null:
      return "Expected null";
    case ValueErrorType.NumberExclusiveMaximum:
      return `Expected number to be less than ${error.schema.exclusiveMaximum}`;
    case ValueErrorType.NumberExclusiveMinimum:
      return `Expected number to be greater than ${error.schema.exclusiveMinimum}`;
    case ValueErrorType.NumberMaximum:
      return `Expected number to be less or equal to ${error.schema.maximum}`;
    case ValueErrorType.NumberMinimum:
      return `Expected number to be greater or equal to ${error.schema.minimum}`;
    case ValueErrorType.NumberMultipleOf:
      return `Expected number to be a multiple of ${error.schema.multipleOf}`;
    case ValueErrorType.Number:
      return "Expected number";
    case ValueErrorType.Object:
      return "Expected object";
    case ValueErrorType.ObjectAdditionalProperties:
      return "Unexpected property";
    case ValueErrorType.ObjectMaxProperties:
      return `Expected object to have no more than ${error.schema.maxProperties} properties`;
    case ValueErrorType.ObjectMinProperties:
      return `Expected object to have at least ${error.schema.minProperties} properties`;
    case ValueErrorType.ObjectRequiredProperty:
      return "Expected required property";
    case ValueErrorType.Promise:
      return "Expected Promise";
    case ValueErrorType.RegExp:
      return "Expected string to match regular expression";
    case ValueErrorType.StringFormatUnknown:
      return `Unknown format '${error.schema.format}'`;
    case ValueErrorType.StringFormat:
      return `Expected string to match '${error.schema.format}' format`;
    case ValueErrorType.StringMaxLength:
      return `Expected string length less or equal to ${error.schema.maxLength}`;
    case ValueErrorType.StringMinLength:
      return `Expected string length greater or equal to ${error.schema.minLength}`;
    case ValueErrorType.StringPattern:
      return `Expected string to match '${error.schema.pattern}'`;
    case ValueErrorType.String:
      return "Expected string";
    case ValueErrorType.Symbol:
      return "Expected symbol";
    case ValueErrorType.TupleLength:
      return `Expected tuple to have ${error.schema.maxItems || 0} elements`;
    case ValueErrorType.Tuple:
      return "Expected tuple";
    case ValueErrorType.Uint8ArrayMaxByteLength:
      return `Expected byte length less or equal to ${error.schema.maxByteLength}`;
    case ValueErrorType.Uint8ArrayMinByteLength:
      return `Expected byte length greater or equal to ${error.schema.minByteLength}`;
    case ValueErrorType.Uint8Array:
      return "Expected Uint8Array";
    case ValueErrorType.Undefined:
      return "Expected undefined";
    case ValueErrorType.Union:
      return "Expected union value";
    case ValueErrorType.Void:
      return "Expected void";
    case ValueErrorType.Kind:
      return `Expected kind '${error.schema[Kind]}'`;
    default:
      return "Unknown error type";
  }
}
var errorFunction = DefaultErrorFunction;
function GetErrorFunction() {
  return errorFunction;
}

// node_modules/@sinclair/typebox/build/esm/value/deref/deref.mjs
var TypeDereferenceError = class extends TypeBoxError {
  constructor(schema) {
    super(`Unable to dereference schema with $id '${schema.$ref}'`);
    this.schema = schema;
  }
};
function Resolve(schema, references) {
  const target = references.find((target2) => target2.$id === schema.$ref);
  if (target === void 0)
    throw new TypeDereferenceError(schema);
  return Deref(target, references);
}
function Pushref(schema, references) {
  if (!IsString2(schema.$id) || references.some((target) => target.$id === schema.$id))
    return references;
  references.push(schema);
  return references;
}
function Deref(schema, references) {
  return schema[Kind] === "This" || schema[Kind] === "Ref" ? Resolve(schema, references) : schema;
}

// node_modules/@sinclair/typebox/build/esm/value/hash/hash.mjs
var ValueHashError = class extends TypeBoxError {
  constructor(value) {
    super(`Unable to hash value`);
    this.value = value;
  }
};
var ByteMarker;
(function(ByteMarker2) {
  ByteMarker2[ByteMarker2["Undefined"] = 0] = "Undefined";
  ByteMarker2[ByteMarker2["Null"] = 1] = "Null";
  ByteMarker2[ByteMarker2["Boolean"] = 2] = "Boolean";
  ByteMarker2[ByteMarker2["Number"] = 3] = "Number";
  ByteMarker2[ByteMarker2["String"] = 4] = "String";
  ByteMarker2[ByteMarker2["Object"] = 5] = "Object";
  ByteMarker2[ByteMarker2["Array"] = 6] = "Array";
  ByteMarker2[ByteMarker2["Date"] = 7] = "Date";
  ByteMarker2[ByteMarker2["Uint8Array"] = 8] = "Uint8Array";
  ByteMarker2[ByteMarker2["Symbol"] = 9] = "Symbol";
  ByteMarker2[ByteMarker2["BigInt"] = 10] = "BigInt";
})(ByteMarker || (ByteMarker = {}));
var Accumulator = BigInt("14695981039346656037");
var [Prime, Size] = [BigInt("1099511628211"), BigInt(
  "18446744073709551616"
  /* 2 ^ 64 */
)];
var Bytes = Array.from({ length: 256 }).map((_, i) => BigInt(i));
var F64 = new Float64Array(1);
var F64In = new DataView(F64.buffer);
var F64Out = new Uint8Array(F64.buffer);
function* NumberToBytes(value) {
  const byteCount = value === 0 ? 1 : Math.ceil(Math.floor(Math.log2(value) + 1) / 8);
  for (let i = 0; i < byteCount; i++) {
    yield value >> 8 * (byteCount - 1 - i) & 255;
  }
}
function ArrayType2(value) {
  FNV1A64(ByteMarker.Array);
  for (const item of value) {
    Visit4(item);
  }
}
function BooleanType(value) {
  FNV1A64(ByteMarker.Boolean);
  FNV1A64(value ? 1 : 0);
}
function BigIntType(value) {
  FNV1A64(ByteMarker.BigInt);
  F64In.setBigInt64(0, value);
  for (const byte of F64Out) {
    FNV1A64(byte);
  }
}
function DateType2(value) {
  FNV1A64(ByteMarker.Date);
  Visit4(value.getTime());
}
function NullType(value) {
  FNV1A64(ByteMarker.Null);
}
function NumberType(value) {
  FNV1A64(ByteMarker.Number);
  F64In.setFloat64(0, value);
  for (const byte of F64Out) {
    FNV1A64(byte);
  }
}
function ObjectType2(value) {
  FNV1A64(ByteMarker.Object);
  for (const key of globalThis.Object.getOwnPropertyNames(value).sort()) {
    Visit4(key);
    Visit4(value[key]);
  }
}
function StringType(value) {
  FNV1A64(ByteMarker.String);
  for (let i = 0; i < value.length; i++) {
    for (const byte of NumberToBytes(value.charCodeAt(i))) {
      FNV1A64(byte);
    }
  }
}
function SymbolType(value) {
  FNV1A64(ByteMarker.Symbol);
  Visit4(value.description);
}
function Uint8ArrayType2(value) {
  FNV1A64(ByteMarker.Uint8Array);
  for (let i = 0; i < value.length; i++) {
    FNV1A64(value[i]);
  }
}
function UndefinedType(value) {
  return FNV1A64(ByteMarker.Undefined);
}
function Visit4(value) {
  if (IsArray2(value))
    return ArrayType2(value);
  if (IsBoolean2(value))
    return BooleanType(value);
  if (IsBigInt2(value))
    return BigIntType(value);
  if (IsDate2(value))
    return DateType2(value);
  if (IsNull2(value))
    return NullType(value);
  if (IsNumber2(value))
    return NumberType(value);
  if (IsObject2(value))
    return ObjectType2(value);
  if (IsString2(value))
    return StringType(value);
  if (IsSymbol2(value))
    return SymbolType(value);
  if (IsUint8Array2(value))
    return Uint8ArrayType2(value);
  if (IsUndefined2(value))
    return UndefinedType(value);
  throw new ValueHashError(value);
}
function FNV1A64(byte) {
  Accumulator = Accumulator ^ Bytes[byte];
  Accumulator = Accumulator * Prime % Size;
}
function Hash(value) {
  Accumulator = BigInt("14695981039346656037");
  Visit4(value);
  return Accumulator;
}

// node_modules/@sinclair/typebox/build/esm/value/check/check.mjs
var ValueCheckUnknownTypeError = class extends TypeBoxError {
  constructor(schema) {
    super(`Unknown type`);
    this.schema = schema;
  }
};
function IsAnyOrUnknown(schema) {
  return schema[Kind] === "Any" || schema[Kind] === "Unknown";
}
function IsDefined(value) {
  return value !== void 0;
}
function FromAny2(schema, references, value) {
  return true;
}
function FromArgument2(schema, references, value) {
  return true;
}
function FromArray7(schema, references, value) {
  if (!IsArray2(value))
    return false;
  if (IsDefined(schema.minItems) && !(value.length >= schema.minItems)) {
    return false;
  }
  if (IsDefined(schema.maxItems) && !(value.length <= schema.maxItems)) {
    return false;
  }
  for (const element of value) {
    if (!Visit5(schema.items, references, element))
      return false;
  }
  if (schema.uniqueItems === true && !(function() {
    const set = /* @__PURE__ */ new Set();
    for (const element of value) {
      const hashed = Hash(element);
      if (set.has(hashed)) {
        return false;
      } else {
        set.add(hashed);
      }
    }
    return true;
  })()) {
    return false;
  }
  if (!(IsDefined(schema.contains) || IsNumber2(schema.minContains) || IsNumber2(schema.maxContains))) {
    return true;
  }
  const containsSchema = IsDefined(schema.contains) ? schema.contains : Never();
  const containsCount = value.reduce((acc, value2) => Visit5(containsSchema, references, value2) ? acc + 1 : acc, 0);
  if (containsCount === 0) {
    return false;
  }
  if (IsNumber2(schema.minContains) && containsCount < schema.minContains) {
    return false;
  }
  if (IsNumber2(schema.maxContains) && containsCount > schema.maxContains) {
    return false;
  }
  return true;
}
function FromAsyncIterator4(schema, references, value) {
  return IsAsyncIterator2(value);
}
function FromBigInt2(schema, references, value) {
  if (!IsBigInt2(value))
    return false;
  if (IsDefined(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
    return false;
  }
  if (IsDefined(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
    return false;
  }
  if (IsDefined(schema.maximum) && !(value <= schema.maximum)) {
    return false;
  }
  if (IsDefined(schema.minimum) && !(value >= schema.minimum)) {
    return false;
  }
  if (IsDefined(schema.multipleOf) && !(value % schema.multipleOf === BigInt(0))) {
    return false;
  }
  return true;
}
function FromBoolean2(schema, references, value) {
  return IsBoolean2(value);
}
function FromConstructor4(schema, references, value) {
  return Visit5(schema.returns, references, value.prototype);
}
function FromDate2(schema, references, value) {
  if (!IsDate2(value))
    return false;
  if (IsDefined(schema.exclusiveMaximumTimestamp) && !(value.getTime() < schema.exclusiveMaximumTimestamp)) {
    return false;
  }
  if (IsDefined(schema.exclusiveMinimumTimestamp) && !(value.getTime() > schema.exclusiveMinimumTimestamp)) {
    return false;
  }
  if (IsDefined(schema.maximumTimestamp) && !(value.getTime() <= schema.maximumTimestamp)) {
    return false;
  }
  if (IsDefined(schema.minimumTimestamp) && !(value.getTime() >= schema.minimumTimestamp)) {
    return false;
  }
  if (IsDefined(schema.multipleOfTimestamp) && !(value.getTime() % schema.multipleOfTimestamp === 0)) {
    return false;
  }
  return true;
}
function FromFunction4(schema, references, value) {
  return IsFunction2(value);
}
function FromImport(schema, references, value) {
  const definitions = globalThis.Object.values(schema.$defs);
  const target = schema.$defs[schema.$ref];
  return Visit5(target, [...references, ...definitions], value);
}
function FromInteger2(schema, references, value) {
  if (!IsInteger(value)) {
    return false;
  }
  if (IsDefined(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
    return false;
  }
  if (IsDefined(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
    return false;
  }
  if (IsDefined(schema.maximum) && !(value <= schema.maximum)) {
    return false;
  }
  if (IsDefined(schema.minimum) && !(value >= schema.minimum)) {
    return false;
  }
  if (IsDefined(schema.multipleOf) && !(value % schema.multipleOf === 0)) {
    return false;
  }
  return true;
}
function FromIntersect9(schema, references, value) {
  const check1 = schema.allOf.every((schema2) => Visit5(schema2, references, value));
  if (schema.unevaluatedProperties === false) {
    const keyPattern = new RegExp(KeyOfPattern(schema));
    const check2 = Object.getOwnPropertyNames(value).every((key) => keyPattern.test(key));
    return check1 && check2;
  } else if (IsSchema(schema.unevaluatedProperties)) {
    const keyCheck = new RegExp(KeyOfPattern(schema));
    const check2 = Object.getOwnPropertyNames(value).every((key) => keyCheck.test(key) || Visit5(schema.unevaluatedProperties, references, value[key]));
    return check1 && check2;
  } else {
    return check1;
  }
}
function FromIterator4(schema, references, value) {
  return IsIterator2(value);
}
function FromLiteral3(schema, references, value) {
  return value === schema.const;
}
function FromNever2(schema, references, value) {
  return false;
}
function FromNot2(schema, references, value) {
  return !Visit5(schema.not, references, value);
}
function FromNull2(schema, references, value) {
  return IsNull2(value);
}
function FromNumber2(schema, references, value) {
  if (!TypeSystemPolicy.IsNumberLike(value))
    return false;
  if (IsDefined(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
    return false;
  }
  if (IsDefined(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
    return false;
  }
  if (IsDefined(schema.minimum) && !(value >= schema.minimum)) {
    return false;
  }
  if (IsDefined(schema.maximum) && !(value <= schema.maximum)) {
    return false;
  }
  if (IsDefined(schema.multipleOf) && !(value % schema.multipleOf === 0)) {
    return false;
  }
  return true;
}
function FromObject8(schema, references, value) {
  if (!TypeSystemPolicy.IsObjectLike(value))
    return false;
  if (IsDefined(schema.minProperties) && !(Object.getOwnPropertyNames(value).length >= schema.minProperties)) {
    return false;
  }
  if (IsDefined(schema.maxProperties) && !(Object.getOwnPropertyNames(value).length <= schema.maxProperties)) {
    return false;
  }
  const knownKeys = Object.getOwnPropertyNames(schema.properties);
  for (const knownKey of knownKeys) {
    const property = schema.properties[knownKey];
    if (schema.required && schema.required.includes(knownKey)) {
      if (!Visit5(property, references, value[knownKey])) {
        return false;
      }
      if ((ExtendsUndefinedCheck(property) || IsAnyOrUnknown(property)) && !(knownKey in value)) {
        return false;
      }
    } else {
      if (TypeSystemPolicy.IsExactOptionalProperty(value, knownKey) && !Visit5(property, references, value[knownKey])) {
        return false;
      }
    }
  }
  if (schema.additionalProperties === false) {
    const valueKeys = Object.getOwnPropertyNames(value);
    if (schema.required && schema.required.length === knownKeys.length && valueKeys.length === knownKeys.length) {
      return true;
    } else {
      return valueKeys.every((valueKey) => knownKeys.includes(valueKey));
    }
  } else if (typeof schema.additionalProperties === "object") {
    const valueKeys = Object.getOwnPropertyNames(value);
    return valueKeys.every((key) => knownKeys.includes(key) || Visit5(schema.additionalProperties, references, value[key]));
  } else {
    return true;
  }
}
function FromPromise4(schema, references, value) {
  return IsPromise(value);
}
function FromRecord4(schema, references, value) {
  if (!TypeSystemPolicy.IsRecordLike(value)) {
    return false;
  }
  if (IsDefined(schema.minProperties) && !(Object.getOwnPropertyNames(value).length >= schema.minProperties)) {
    return false;
  }
  if (IsDefined(schema.maxProperties) && !(Object.getOwnPropertyNames(value).length <= schema.maxProperties)) {
    return false;
  }
  const [patternKey, patternSchema] = Object.entries(schema.patternProperties)[0];
  const regex = new RegExp(patternKey);
  const check1 = Object.entries(value).every(([key, value2]) => {
    return regex.test(key) ? Visit5(patternSchema, references, value2) : true;
  });
  const check2 = typeof schema.additionalProperties === "object" ? Object.entries(value).every(([key, value2]) => {
    return !regex.test(key) ? Visit5(schema.additionalProperties, references, value2) : true;
  }) : true;
  const check3 = schema.additionalProperties === false ? Object.getOwnPropertyNames(value).every((key) => {
    return regex.test(key);
  }) : true;
  return check1 && check2 && check3;
}
function FromRef5(schema, references, value) {
  return Visit5(Deref(schema, references), references, value);
}
function FromRegExp2(schema, references, value) {
  const regex = new RegExp(schema.source, schema.flags);
  if (IsDefined(schema.minLength)) {
    if (!(value.length >= schema.minLength))
      return false;
  }
  if (IsDefined(schema.maxLength)) {
    if (!(value.length <= schema.maxLength))
      return false;
  }
  return regex.test(value);
}
function FromString2(schema, references, value) {
  if (!IsString2(value)) {
    return false;
  }
  if (IsDefined(schema.minLength)) {
    if (!(value.length >= schema.minLength))
      return false;
  }
  if (IsDefined(schema.maxLength)) {
    if (!(value.length <= schema.maxLength))
      return false;
  }
  if (IsDefined(schema.pattern)) {
    const regex = new RegExp(schema.pattern);
    if (!regex.test(value))
      return false;
  }
  if (IsDefined(schema.format)) {
    if (!format_exports.Has(schema.format))
      return false;
    const func = format_exports.Get(schema.format);
    return func(value);
  }
  return true;
}
function FromSymbol2(schema, references, value) {
  return IsSymbol2(value);
}
function FromTemplateLiteral4(schema, references, value) {
  return IsString2(value) && new RegExp(schema.pattern).test(value);
}
function FromThis(schema, references, value) {
  return Visit5(Deref(schema, references), references, value);
}
function FromTuple6(schema, references, value) {
  if (!IsArray2(value)) {
    return false;
  }
  if (schema.items === void 0 && !(value.length === 0)) {
    return false;
  }
  if (!(value.length === schema.maxItems)) {
    return false;
  }
  if (!schema.items) {
    return true;
  }
  for (let i = 0; i < schema.items.length; i++) {
    if (!Visit5(schema.items[i], references, value[i]))
      return false;
  }
  return true;
}
function FromUndefined2(schema, references, value) {
  return IsUndefined2(value);
}
function FromUnion11(schema, references, value) {
  return schema.anyOf.some((inner) => Visit5(inner, references, value));
}
function FromUint8Array2(schema, references, value) {
  if (!IsUint8Array2(value)) {
    return false;
  }
  if (IsDefined(schema.maxByteLength) && !(value.length <= schema.maxByteLength)) {
    return false;
  }
  if (IsDefined(schema.minByteLength) && !(value.length >= schema.minByteLength)) {
    return false;
  }
  return true;
}
function FromUnknown2(schema, references, value) {
  return true;
}
function FromVoid2(schema, references, value) {
  return TypeSystemPolicy.IsVoidLike(value);
}
function FromKind(schema, references, value) {
  if (!type_exports2.Has(schema[Kind]))
    return false;
  const func = type_exports2.Get(schema[Kind]);
  return func(schema, value);
}
function Visit5(schema, references, value) {
  const references_ = IsDefined(schema.$id) ? Pushref(schema, references) : references;
  const schema_ = schema;
  switch (schema_[Kind]) {
    case "Any":
      return FromAny2(schema_, references_, value);
    case "Argument":
      return FromArgument2(schema_, references_, value);
    case "Array":
      return FromArray7(schema_, references_, value);
    case "AsyncIterator":
      return FromAsyncIterator4(schema_, references_, value);
    case "BigInt":
      return FromBigInt2(schema_, references_, value);
    case "Boolean":
      return FromBoolean2(schema_, references_, value);
    case "Constructor":
      return FromConstructor4(schema_, references_, value);
    case "Date":
      return FromDate2(schema_, references_, value);
    case "Function":
      return FromFunction4(schema_, references_, value);
    case "Import":
      return FromImport(schema_, references_, value);
    case "Integer":
      return FromInteger2(schema_, references_, value);
    case "Intersect":
      return FromIntersect9(schema_, references_, value);
    case "Iterator":
      return FromIterator4(schema_, references_, value);
    case "Literal":
      return FromLiteral3(schema_, references_, value);
    case "Never":
      return FromNever2(schema_, references_, value);
    case "Not":
      return FromNot2(schema_, references_, value);
    case "Null":
      return FromNull2(schema_, references_, value);
    case "Number":
      return FromNumber2(schema_, references_, value);
    case "Object":
      return FromObject8(schema_, references_, value);
    case "Promise":
      return FromPromise4(schema_, references_, value);
    case "Record":
      return FromRecord4(schema_, references_, value);
    case "Ref":
      return FromRef5(schema_, references_, value);
    case "RegExp":
      return FromRegExp2(schema_, references_, value);
    case "String":
      return FromString2(schema_, references_, value);
    case "Symbol":
      return FromSymbol2(schema_, references_, value);
    case "TemplateLiteral":
      return FromTemplateLiteral4(schema_, references_, value);
    case "This":
      return FromThis(schema_, references_, value);
    case "Tuple":
      return FromTuple6(schema_, references_, value);
    case "Undefined":
      return FromUndefined2(schema_, references_, value);
    case "Union":
      return FromUnion11(schema_, references_, value);
    case "Uint8Array":
      return FromUint8Array2(schema_, references_, value);
    case "Unknown":
      return FromUnknown2(schema_, references_, value);
    case "Void":
      return FromVoid2(schema_, references_, value);
    default:
      if (!type_exports2.Has(schema_[Kind]))
        throw new ValueCheckUnknownTypeError(schema_);
      return FromKind(schema_, references_, value);
  }
}
function Check(...args) {
  return args.length === 3 ? Visit5(args[0], args[1], args[2]) : Visit5(args[0], [], args[1]);
}

// node_modules/@sinclair/typebox/build/esm/errors/errors.mjs
var ValueErrorType;
(function(ValueErrorType2) {
  ValueErrorType2[ValueErrorType2["ArrayContains"] = 0] = "ArrayContains";
  ValueErrorType2[ValueErrorType2["ArrayMaxContains"] = 1] = "ArrayMaxContains";
  ValueErrorType2[ValueErrorType2["ArrayMaxItems"] = 2] = "ArrayMaxItems";
  ValueErrorType2[ValueErrorType2["ArrayMinContains"] = 3] = "ArrayMinContains";
  ValueErrorType2[ValueErrorType2["ArrayMinItems"] = 4] = "ArrayMinItems";
  ValueErrorType2[ValueErrorType2["ArrayUniqueItems"] = 5] = "ArrayUniqueItems";
  ValueErrorType2[ValueErrorType2["Array"] = 6] = "Array";
  ValueErrorType2[ValueErrorType2["AsyncIterator"] = 7] = "AsyncIterator";
  ValueErrorType2[ValueErrorType2["BigIntExclusiveMaximum"] = 8] = "BigIntExclusiveMaximum";
  ValueErrorType2[ValueErrorType2["BigIntExclusiveMinimum"] = 9] = "BigIntExclusiveMinimum";
  ValueErrorType2[ValueErrorType2["BigIntMaximum"] = 10] = "BigIntMaximum";
  ValueErrorType2[ValueErrorType2["BigIntMinimum"] = 11] = "BigIntMinimum";
  ValueErrorType2[ValueErrorType2["BigIntMultipleOf"] = 12] = "BigIntMultipleOf";
  ValueErrorType2[ValueErrorType2["BigInt"] = 13] = "BigInt";
  ValueErrorType2[ValueErrorType2["Boolean"] = 14] = "Boolean";
  ValueErrorType2[ValueErrorType2["DateExclusiveMaximumTimestamp"] = 15] = "DateExclusiveMaximumTimestamp";
  ValueErrorType2[ValueErrorType2["DateExclusiveMinimumTimestamp"] = 16] = "DateExclusiveMinimumTimestamp";
  ValueErrorType2[ValueErrorType2["DateMaximumTimestamp"] = 17] = "DateMaximumTimestamp";
  ValueErrorType2[ValueErrorType2["DateMinimumTimestamp"] = 18] = "DateMinimumTimestamp";
  ValueErrorType2[ValueErrorType2["DateMultipleOfTimestamp"] = 19] = "DateMultipleOfTimestamp";
  ValueErrorType2[ValueErrorType2["Date"] = 20] = "Date";
  ValueErrorType2[ValueErrorType2["Function"] = 21] = "Function";
  ValueErrorType2[ValueErrorType2["IntegerExclusiveMaximum"] = 22] = "IntegerExclusiveMaximum";
  ValueErrorType2[ValueErrorType2["IntegerExclusiveMinimum"] = 23] = "IntegerExclusiveMinimum";
  ValueErrorType2[ValueErrorType2["IntegerMaximum"] = 24] = "IntegerMaximum";
  ValueErrorType2[ValueErrorType2["IntegerMinimum"] = 25] = "IntegerMinimum";
  ValueErrorType2[ValueErrorType2["IntegerMultipleOf"] = 26] = "IntegerMultipleOf";
  ValueErrorType2[ValueErrorType2["Integer"] = 27] = "Integer";
  ValueErrorType2[ValueErrorType2["IntersectUnevaluatedProperties"] = 28] = "IntersectUnevaluatedProperties";
  ValueErrorType2[ValueErrorType2["Intersect"] = 29] = "Intersect";
  ValueErrorType2[ValueErrorType2["Iterator"] = 30] = "Iterator";
  ValueErrorType2[ValueErrorType2["Kind"] = 31] = "Kind";
  ValueErrorType2[ValueErrorType2["Literal"] = 32] = "Literal";
  ValueErrorType2[ValueErrorType2["Never"] = 33] = "Never";
  ValueErrorType2[ValueErrorType2["Not"] = 34] = "Not";
  ValueErrorType2[ValueErrorType2["Null"] = 35] = "Null";
  ValueErrorType2[ValueErrorType2["NumberExclusiveMaximum"] = 36] = "NumberExclusiveMaximum";
  ValueErrorType2[ValueErrorType2["NumberExclusiveMinimum"] = 37] = "NumberExclusiveMinimum";
  ValueErrorType2[ValueErrorType2["NumberMaximum"] = 38] = "NumberMaximum";
  ValueErrorType2[ValueErrorType2["NumberMinimum"] = 39] = "NumberMinimum";
  ValueErrorType2[ValueErrorType2["NumberMultipleOf"] = 40] = "NumberMultipleOf";
  ValueErrorType2[ValueErrorType2["Number"] = 41] = "Number";
  ValueErrorType2[ValueErrorType2["ObjectAdditionalProperties"] = 42] = "ObjectAdditionalProperties";
  ValueErrorType2[ValueErrorType2["ObjectMaxProperties"] = 43] = "ObjectMaxProperties";
  ValueErrorType2[ValueErrorType2["ObjectMinProperties"] = 44] = "ObjectMinProperties";
  ValueErrorType2[ValueErrorType2["ObjectRequiredProperty"] = 45] = "ObjectRequiredProperty";
  ValueErrorType2[ValueErrorType2["Object"] = 46] = "Object";
  ValueErrorType2[ValueErrorType2["Promise"] = 47] = "Promise";
  ValueErrorType2[ValueErrorType2["RegExp"] = 48] = "RegExp";
  ValueErrorType2[ValueErrorType2["StringFormatUnknown"] = 49] = "StringFormatUnknown";
  ValueErrorType2[ValueErrorType2["StringFormat"] = 50] = "StringFormat";
  ValueErrorType2[ValueErrorType2["StringMaxLength"] = 51] = "StringMaxLength";
  ValueErrorType2[ValueErrorType2["StringMinLength"] = 52] = "StringMinLength";
  ValueErrorType2[ValueErrorType2["StringPattern"] = 53] = "StringPattern";
  ValueErrorType2[ValueErrorType2["String"] = 54] = "String";
  ValueErrorType2[ValueErrorType2["Symbol"] = 55] = "Symbol";
  ValueErrorType2[ValueErrorType2["TupleLength"] = 56] = "TupleLength";
  ValueErrorType2[ValueErrorType2["Tuple"] = 57] = "Tuple";
  ValueErrorType2[ValueErrorType2["Uint8ArrayMaxByteLength"] = 58] = "Uint8ArrayMaxByteLength";
  ValueErrorType2[ValueErrorType2["Uint8ArrayMinByteLength"] = 59] = "Uint8ArrayMinByteLength";
  ValueErrorType2[ValueErrorType2["Uint8Array"] = 60] = "Uint8Array";
  ValueErrorType2[ValueErrorType2["Undefined"] = 61] = "Undefined";
  ValueErrorType2[ValueErrorType2["Union"] = 62] = "Union";
  ValueErrorType2[ValueErrorType2["Void"] = 63] = "Void";
})(ValueErrorType || (ValueErrorType = {}));
var ValueErrorsUnknownTypeError = class extends TypeBoxError {
  constructor(schema) {
    super("Unknown type");
    this.schema = schema;
  }
};
function EscapeKey(key) {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
function IsDefined2(value) {
  return value !== void 0;
}
var ValueErrorIterator = class {
  constructor(iterator) {
    this.iterator = iterator;
  }
  [Symbol.iterator]() {
    return this.iterator;
  }
  /** Returns the first value error or undefined if no errors */
  First() {
    const next = this.iterator.next();
    return next.done ? void 0 : next.value;
  }
};
function Create(errorType, schema, path, value, errors = []) {
  return {
    type: errorType,
    schema,
    path,
    value,
    message: GetErrorFunction()({ errorType, path, schema, value, errors }),
    errors
  };
}
function* FromAny3(schema, references, path, value) {
}
function* FromArgument3(schema, references, path, value) {
}
function* FromArray8(schema, references, path, value) {
  if (!IsArray2(value)) {
    return yield Create(ValueErrorType.Array, schema, path, value);
  }
  if (IsDefined2(schema.minItems) && !(value.length >= schema.minItems)) {
    yield Create(ValueErrorType.ArrayMinItems, schema, path, value);
  }
  if (IsDefined2(schema.maxItems) && !(value.length <= schema.maxItems)) {
    yield Create(ValueErrorType.ArrayMaxItems, schema, path, value);
  }
  for (let i = 0; i < value.length; i++) {
    yield* Visit6(schema.items, references, `${path}/${i}`, value[i]);
  }
  if (schema.uniqueItems === true && !(function() {
    const set = /* @__PURE__ */ new Set();
    for (const element of value) {
      const hashed = Hash(element);
      if (set.has(hashed)) {
        return false;
      } else {
        set.add(hashed);
      }
    }
    return true;
  })()) {
    yield Create(ValueErrorType.ArrayUniqueItems, schema, path, value);
  }
  if (!(IsDefined2(schema.contains) || IsDefined2(schema.minContains) || IsDefined2(schema.maxContains))) {
    return;
  }
  const containsSchema = IsDefined2(schema.contains) ? schema.contains : Never();
  const containsCount = value.reduce((acc, value2, index) => Visit6(containsSchema, references, `${path}${index}`, value2).next().done === true ? acc + 1 : acc, 0);
  if (containsCount === 0) {
    yield Create(ValueErrorType.ArrayContains, schema, path, value);
  }
  if (IsNumber2(schema.minContains) && containsCount < schema.minContains) {
    yield Create(ValueErrorType.ArrayMinContains, schema, path, value);
  }
  if (IsNumber2(schema.maxContains) && containsCount > schema.maxContains) {
    yield Create(ValueErrorType.ArrayMaxContains, schema, path, value);
  }
}
function* FromAsyncIterator5(schema, references, path, value) {
  if (!IsAsyncIterator2(value))
    yield Create(ValueErrorType.AsyncIterator, schema, path, value);
}
function* FromBigInt3(schema, references, path, value) {
  if (!IsBigInt2(value))
    return yield Create(ValueErrorType.BigInt, schema, path, value);
  if (IsDefined2(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
    yield Create(ValueErrorType.BigIntExclusiveMaximum, schema, path, value);
  }
  if (IsDefined2(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
    yield Create(ValueErrorType.BigIntExclusiveMinimum, schema, path, value);
  }
  if (IsDefined2(schema.maximum) && !(value <= schema.maximum)) {
    yield Create(ValueErrorType.BigIntMaximum, schema, path, value);
  }
  if (IsDefined2(schema.minimum) && !(value >= schema.minimum)) {
    yield Create(ValueErrorType.BigIntMinimum, schema, path, value);
  }
  if (IsDefined2(schema.multipleOf) && !(value % schema.multipleOf === BigInt(0))) {
    yield Create(ValueErrorType.BigIntMultipleOf, schema, path, value);
  }
}
function* FromBoolean3(schema, references, path, value) {
  if (!IsBoolean2(value))
    yield Create(ValueErrorType.Boolean, schema, path, value);
}
function* FromConstructor5(schema, references, path, value) {
  yield* Visit6(schema.returns, references, path, value.prototype);
}
function* FromDate3(schema, references, path, value) {
  if (!IsDate2(value))
    return yield Create(ValueErrorType.Date, schema, path, value);
  if (IsDefined2(schema.exclusiveMaximumTimestamp) && !(value.getTime() < schema.exclusiveMaximumTimestamp)) {
    yield Create(ValueErrorType.DateExclusiveMaximumTimestamp, schema, path, value);
  }
  if (IsDefined2(schema.exclusiveMinimumTimestamp) && !(value.getTime() > schema.exclusiveMinimumTimestamp)) {
    yield Create(ValueErrorType.DateExclusiveMinimumTimestamp, schema, path, value);
  }
  if (IsDefined2(schema.maximumTimestamp) && !(value.getTime() <= schema.maximumTimestamp)) {
    yield Create(ValueErrorType.DateMaximumTimestamp, schema, path, value);
  }
  if (IsDefined2(schema.minimumTimestamp) && !(value.getTime() >= schema.minimumTimestamp)) {
    yield Create(ValueErrorType.DateMinimumTimestamp, schema, path, value);
  }
  if (IsDefined2(schema.multipleOfTimestamp) && !(value.getTime() % schema.multipleOfTimestamp === 0)) {
    yield Create(ValueErrorType.DateMultipleOfTimestamp, schema, path, value);
  }
}
function* FromFunction5(schema, references, path, value) {
  if (!IsFunction2(value))
    yield Create(ValueErrorType.Function, schema, path, value);
}
function* FromImport2(schema, references, path, value) {
  const definitions = globalThis.Object.values(schema.$defs);
  const target = schema.$defs[schema.$ref];
  yield* Visit6(target, [...references, ...definitions], path, value);
}
function* FromInteger3(schema, references, path, value) {
  if (!IsInteger(value))
    return yield Create(ValueErrorType.Integer, schema, path, value);
  if (IsDefined2(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
    yield Create(ValueErrorType.IntegerExclusiveMaximum, schema, path, value);
  }
  if (IsDefined2(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
    yield Create(ValueErrorType.IntegerExclusiveMinimum, schema, path, value);
  }
  if (IsDefined2(schema.maximum) && !(value <= schema.maximum)) {
    yield Create(ValueErrorType.IntegerMaximum, schema, path, value);
  }
  if (IsDefined2(schema.minimum) && !(value >= schema.minimum)) {
    yield Create(ValueErrorType.IntegerMinimum, schema, path, value);
  }
  if (IsDefined2(schema.multipleOf) && !(value % schema.multipleOf === 0)) {
    yield Create(ValueErrorType.IntegerMultipleOf, schema, path, value);
  }
}
function* FromIntersect10(schema, references, path, value) {
  let hasError = false;
  for (const inner of schema.allOf) {
    for (const error of Visit6(inner, references, path, value)) {
      hasError = true;
      yield error;
    }
  }
  if (hasError) {
    return yield Create(ValueErrorType.Intersect, schema, path, value);
  }
  if (schema.unevaluatedProperties === false) {
    const keyCheck = new RegExp(KeyOfPattern(schema));
    for (const valueKey of Object.getOwnPropertyNames(value)) {
      if (!keyCheck.test(valueKey)) {
        yield Create(ValueErrorType.IntersectUnevaluatedProperties, schema, `${path}/${valueKey}`, value);
      }
    }
  }
  if (typeof schema.unevaluatedProperties === "object") {
    const keyCheck = new RegExp(KeyOfPattern(schema));
    for (const valueKey of Object.getOwnPropertyNames(value)) {
      if (!keyCheck.test(valueKey)) {
        const next = Visit6(schema.unevaluatedProperties, references, `${path}/${valueKey}`, value[valueKey]).next();
        if (!next.done)
          yield next.value;
      }
    }
  }
}
function* FromIterator5(schema, references, path, value) {
  if (!IsIterator2(value))
    yield Create(ValueErrorType.Iterator, schema, path, value);
}
function* FromLiteral4(schema, references, path, value) {
  if (!(value === schema.const))
    yield Create(ValueErrorType.Literal, schema, path, value);
}
function* FromNever3(schema, references, path, value) {
  yield Create(ValueErrorType.Never, schema, path, value);
}
function* FromNot3(schema, references, path, value) {
  if (Visit6(schema.not, references, path, value).next().done === true)
    yield Create(ValueErrorType.Not, schema, path, value);
}
function* FromNull3(schema, references, path, value) {
  if (!IsNull2(value))
    yield Create(ValueErrorType.Null, schema, path, value);
}
function* FromNumber3(schema, references, path, value) {
  if (!TypeSystemPolicy.IsNumberLike(value))
    return yield Create(ValueErrorType.Number, schema, path, value);
  if (IsDefined2(schema.exclusiveMaximum) && !(value < schema.exclusiveMaximum)) {
    yield Create(ValueErrorType.NumberExclusiveMaximum, schema, path, value);
  }
  if (IsDefined2(schema.exclusiveMinimum) && !(value > schema.exclusiveMinimum)) {
    yield Create(ValueErrorType.NumberExclusiveMinimum, schema, path, value);
  }
  if (IsDefined2(schema.maximum) && !(value <= schema.maximum)) {
    yield Create(ValueErrorType.NumberMaximum, schema, path, value);
  }
  if (IsDefined2(schema.minimum) && !(value >= schema.minimum)) {
    yield Create(ValueErrorType.NumberMinimum, schema, path, value);
  }
  if (IsDefined2(schema.multipleOf) && !(value % schema.multipleOf === 0)) {
    yield Create(ValueErrorType.NumberMultipleOf, schema, path, value);
  }
}
function* FromObject9(schema, references, path, value) {
  if (!TypeSystemPolicy.IsObjectLike(value))
    return yield Create(ValueErrorType.Object, schema, path, value);
  if (IsDefined2(schema.minProperties) && !(Object.getOwnPropertyNames(value).length >= schema.minProperties)) {
    yield Create(ValueErrorType.ObjectMinProperties, schema, path, value);
  }
  if (IsDefined2(schema.maxProperties) && !(Object.getOwnPropertyNames(value).length <= schema.maxProperties)) {
    yield Create(ValueErrorType.ObjectMaxProperties, schema, path, value);
  }
  const requiredKeys = Array.isArray(schema.required) ? schema.required : [];
  const knownKeys = Object.getOwnPropertyNames(schema.properties);
  const unknownKeys = Object.getOwnPropertyNames(value);
  for (const requiredKey of requiredKeys) {
    if (unknownKeys.includes(requiredKey))
      continue;
    yield Create(ValueErrorType.ObjectRequiredProperty, schema.properties[requiredKey], `${path}/${EscapeKey(requiredKey)}`, void 0);
  }
  if (schema.additionalProperties === false) {
    for (const valueKey of unknownKeys) {
      if (!knownKeys.includes(valueKey)) {
        yield Create(ValueErrorType.ObjectAdditionalProperties, schema, `${path}/${EscapeKey(valueKey)}`, value[valueKey]);
      }
    }
  }
  if (typeof schema.additionalProperties === "object") {
    for (const valueKey of unknownKeys) {
      if (knownKeys.includes(valueKey))
        continue;
      yield* Visit6(schema.additionalProperties, references, `${path}/${EscapeKey(valueKey)}`, value[valueKey]);
    }
  }
  for (const knownKey of knownKeys) {
    const property = schema.properties[knownKey];
    if (schema.required && schema.required.includes(knownKey)) {
      yield* Visit6(property, references, `${path}/${EscapeKey(knownKey)}`, value[knownKey]);
      if (ExtendsUndefinedCheck(schema) && !(knownKey in value)) {
        yield Create(ValueErrorType.ObjectRequiredProperty, property, `${path}/${EscapeKey(knownKey)}`, void 0);
      }
    } else {
      if (TypeSystemPolicy.IsExactOptionalProperty(value, knownKey)) {
        yield* Visit6(property, references, `${path}/${EscapeKey(knownKey)}`, value[knownKey]);
      }
    }
  }
}
function* FromPromise5(schema, references, path, value) {
  if (!IsPromise(value))
    yield Create(ValueErrorType.Promise, schema, path, value);
}
function* FromRecord5(schema, references, path, value) {
  if (!TypeSystemPolicy.IsRecordLike(value))
    return yield Create(ValueErrorType.Object, schema, path, value);
  if (IsDefined2(schema.minProperties) && !(Object.getOwnPropertyNames(value).length >= schema.minProperties)) {
    yield Create(ValueErrorType.ObjectMinProperties, schema, path, value);
  }
  if (IsDefined2(schema.maxProperties) && !(Object.getOwnPropertyNames(value).length <= schema.maxProperties)) {
    yield Create(ValueErrorType.ObjectMaxProperties, schema, path, value);
  }
  const [patternKey, patternSchema] = Object.entries(schema.patternProperties)[0];
  const regex = new RegExp(patternKey);
  for (const [propertyKey, propertyValue] of Object.entries(value)) {
    if (regex.test(propertyKey))
      yield* Visit6(patternSchema, references, `${path}/${EscapeKey(propertyKey)}`, propertyValue);
  }
  if (typeof schema.additionalProperties === "object") {
    for (const [propertyKey, propertyValue] of Object.entries(value)) {
      if (!regex.test(propertyKey))
        yield* Visit6(schema.additionalProperties, references, `${path}/${EscapeKey(propertyKey)}`, propertyValue);
    }
  }
  if (schema.additionalProperties === false) {
    for (const [propertyKey, propertyValue] of Object.entries(value)) {
      if (regex.test(propertyKey))
        continue;
      return yield Create(ValueErrorType.ObjectAdditionalProperties, schema, `${path}/${EscapeKey(propertyKey)}`, propertyValue);
    }
  }
}
function* FromRef6(schema, references, path, value) {
  yield* Visit6(Deref(schema, references), references, path, value);
}
function* FromRegExp3(schema, references, path, value) {
  if (!IsString2(value))
    return yield Create(ValueErrorType.String, schema, path, value);
  if (IsDefined2(schema.minLength) && !(value.length >= schema.minLength)) {
    yield Create(ValueErrorType.StringMinLength, schema, path, value);
  }
  if (IsDefined2(schema.maxLength) && !(value.length <= schema.maxLength)) {
    yield Create(ValueErrorType.StringMaxLength, schema, path, value);
  }
  const regex = new RegExp(schema.source, schema.flags);
  if (!regex.test(value)) {
    return yield Create(ValueErrorType.RegExp, schema, path, value);
  }
}
function* FromString3(schema, references, path, value) {
  if (!IsString2(value))
    return yield Create(ValueErrorType.String, schema, path, value);
  if (IsDefined2(schema.minLength) && !(value.length >= schema.minLength)) {
    yield Create(ValueErrorType.StringMinLength, schema, path, value);
  }
  if (IsDefined2(schema.maxLength) && !(value.length <= schema.maxLength)) {
    yield Create(ValueErrorType.StringMaxLength, schema, path, value);
  }
  if (IsString2(schema.pattern)) {
    const regex = new RegExp(schema.pattern);
    if (!regex.test(value)) {
      yield Create(ValueErrorType.StringPattern, schema, path, value);
    }
  }
  if (IsString2(schema.format)) {
    if (!format_exports.Has(schema.format)) {
      yield Create(ValueErrorType.StringFormatUnknown, schema, path, value);
    } else {
      const format = format_exports.Get(schema.format);
      if (!format(value)) {
        yield Create(ValueErrorType.StringFormat, schema, path, value);
      }
    }
  }
}
function* FromSymbol3(schema, references, path, value) {
  if (!IsSymbol2(value))
    yield Create(ValueErrorType.Symbol, schema, path, value);
}
function* FromTemplateLiteral5(schema, references, path, value) {
  if (!IsString2(value))
    return yield Create(ValueErrorType.String, schema, path, value);
  const regex = new RegExp(schema.pattern);
  if (!regex.test(value)) {
    yield Create(ValueErrorType.StringPattern, schema, path, value);
  }
}
function* FromThis2(schema, references, path, value) {
  yield* Visit6(Deref(schema, references), references, path, value);
}
function* FromTuple7(schema, references, path, value) {
  if (!IsArray2(value))
    return yield Create(ValueErrorType.Tuple, schema, path, value);
  if (schema.items === void 0 && !(value.length === 0)) {
    return yield Create(ValueErrorType.TupleLength, schema, path, value);
  }
  if (!(value.length === schema.maxItems)) {
    return yield Create(ValueErrorType.TupleLength, schema, path, value);
  }
  if (!schema.items) {
    return;
  }
  for (let i = 0; i < schema.items.length; i++) {
    yield* Visit6(schema.items[i], references, `${path}/${i}`, value[i]);
  }
}
function* FromUndefined3(schema, references, path, value) {
  if (!IsUndefined2(value))
    yield Create(ValueErrorType.Undefined, schema, path, value);
}
function* FromUnion12(schema, references, path, value) {
  if (Check(schema, references, value))
    return;
  const errors = schema.anyOf.map((variant) => new ValueErrorIterator(Visit6(variant, references, path, value)));
  yield Create(ValueErrorType.Union, schema, path, value, errors);
}
function* FromUint8Array3(schema, references, path, value) {
  if (!IsUint8Array2(value))
    return yield Create(ValueErrorType.Uint8Array, schema, path, value);
  if (IsDefined2(schema.maxByteLength) && !(value.length <= schema.maxByteLength)) {
    yield Create(ValueErrorType.Uint8ArrayMaxByteLength, schema, path, value);
  }
  if (IsDefined2(schema.minByteLength) && !(value.length >= schema.minByteLength)) {
    yield Create(ValueErrorType.Uint8ArrayMinByteLength, schema, path, value);
  }
}
function* FromUnknown3(schema, references, path, value) {
}
function* FromVoid3(schema, references, path, value) {
  if (!TypeSystemPolicy.IsVoidLike(value))
    yield Create(ValueErrorType.Void, schema, path, value);
}
function* FromKind2(schema, references, path, value) {
  const check = type_exports2.Get(schema[Kind]);
  if (!check(schema, value))
    yield Create(ValueErrorType.Kind, schema, path, value);
}
function* Visit6(schema, references, path, value) {
  const references_ = IsDefined2(schema.$id) ? [...references, schema] : references;
  const schema_ = schema;
  switch (schema_[Kind]) {
    case "Any":
      return yield* FromAny3(schema_, references_, path, value);
    case "Argument":
      return yield* FromArgument3(schema_, references_, path, value);
    case "Array":
      return yield* FromArray8(schema_, references_, path, value);
    case "AsyncIterator":
      return yield* FromAsyncIterator5(schema_, references_, path, value);
    case "BigInt":
      return yield* FromBigInt3(schema_, references_, path, value);
    case "Boolean":
      return yield* FromBoolean3(schema_, references_, path, value);
    case "Constructor":
      return yield* FromConstructor5(schema_, references_, path, value);
    case "Date":
      return yield* FromDate3(schema_, references_, path, value);
    case "Function":
      return yield* FromFunction5(schema_, references_, path, value);
    case "Import":
      return yield* FromImport2(schema_, references_, path, value);
    case "Integer":
      return yield* FromInteger3(schema_, references_, path, value);
    case "Intersect":
      return yield* FromIntersect10(schema_, references_, path, value);
    case "Iterator":
      return yield* FromIterator5(schema_, references_, path, value);
    case "Literal":
      return yield* FromLiteral4(schema_, references_, path, value);
    case "Never":
      return yield* FromNever3(schema_, references_, path, value);
    case "Not":
      return yield* FromNot3(schema_, references_, path, value);
    case "Null":
      return yield* FromNull3(schema_, references_, path, value);
    case "Number":
      return yield* FromNumber3(schema_, references_, path, value);
    case "Object":
      return yield* FromObject9(schema_, references_, path, value);
    case "Promise":
      return yield* FromPromise5(schema_, references_, path, value);
    case "Record":
      return yield* FromRecord5(schema_, references_, path, value);
    case "Ref":
      return yield* FromRef6(schema_, references_, path, value);
    case "RegExp":
      return yield* FromRegExp3(schema_, references_, path, value);
    case "String":
      return yield* FromString3(schema_, references_, path, value);
    case "Symbol":
      return yield* FromSymbol3(schema_, references_, path, value);
    case "TemplateLiteral":
      return yield* FromTemplateLiteral5(schema_, references_, path, value);
    case "This":
      return yield* FromThis2(schema_, references_, path, value);
    case "Tuple":
      return yield* FromTuple7(schema_, references_, path, value);
    case "Undefined":
      return yield* FromUndefined3(schema_, references_, path, value);
    case "Union":
      return yield* FromUnion12(schema_, references_, path, value);
    case "Uint8Array":
      return yield* FromUint8Array3(schema_, references_, path, value);
    case "Unknown":
      return yield* FromUnknown3(schema_, references_, path, value);
    case "Void":
      return yield* FromVoid3(schema_, references_, path, value);
    default:
      if (!type_exports2.Has(schema_[Kind]))
        throw new ValueErrorsUnknownTypeError(schema);
      return yield* FromKind2(schema_, references_, path, value);
  }
}
function Errors(...args) {
  const iterator = args.length === 3 ? Visit6(args[0], args[1], "", args[2]) : Visit6(args[0], [], "", args[1]);
  return new ValueErrorIterator(iterator);
}

// node_modules/@sinclair/typebox/build/esm/value/transform/decode.mjs
var TransformDecodeCheckError = class extends TypeBoxError {
  constructor(schema, value, error) {
    super(`Unable to decode value as it does not match the expected schema`);
    this.schema = schema;
    this.value = value;
    this.error = error;
  }
};
var TransformDecodeError = class extends TypeBoxError {
  constructor(schema, path, value, error) {
    super(error instanceof Error ? error.message : "Unknown error");
    this.schema = schema;
    this.path = path;
    this.value = value;
    this.error = error;
  }
};
function Default(schema, path, value) {
  try {
    return IsTransform(schema) ? schema[TransformKind].Decode(value) : value;
  } catch (error) {
    throw new TransformDecodeError(schema, path, value, error);
  }
}
function FromArray9(schema, references, path, value) {
  return IsArray2(value) ? Default(schema, path, value.map((value2, index) => Visit7(schema.items, references, `${path}/${index}`, value2))) : Default(schema, path, value);
}
function FromIntersect11(schema, references, path, value) {
  if (!IsObject2(value) || IsValueType(value))
    return Default(schema, path, value);
  const knownEntries = KeyOfPropertyEntries(schema);
  const knownKeys = knownEntries.map((entry) => entry[0]);
  const knownProperties = { ...value };
  for (const [knownKey, knownSchema] of knownEntries)
    if (knownKey in knownProperties) {
      knownProperties[knownKey] = Visit7(knownSchema, references, `${path}/${knownKey}`, knownProperties[knownKey]);
    }
  if (!IsTransform(schema.unevaluatedProperties)) {
    return Default(schema, path, knownProperties);
  }
  const unknownKeys = Object.getOwnPropertyNames(knownProperties);
  const unevaluatedProperties = schema.unevaluatedProperties;
  const unknownProperties = { ...knownProperties };
  for (const key of unknownKeys)
    if (!knownKeys.includes(key)) {
      unknownProperties[key] = Default(unevaluatedProperties, `${path}/${key}`, unknownProperties[key]);
    }
  return Default(schema, path, unknownProperties);
}
function FromImport3(schema, references, path, value) {
  const additional = globalThis.Object.values(schema.$defs);
  const target = schema.$defs[schema.$ref];
  const result = Visit7(target, [...references, ...additional], path, value);
  return Default(schema, path, result);
}
function FromNot4(schema, references, path, value) {
  return Default(schema, path, Visit7(schema.not, references, path, value));
}
function FromObject10(schema, references, path, value) {
  if (!IsObject2(value))
    return Default(schema, path, value);
  const knownKeys = KeyOfPropertyKeys(schema);
  const knownProperties = { ...value };
  for (const key of knownKeys) {
    if (!HasPropertyKey2(knownProperties, key))
      continue;
    if (IsUndefined2(knownProperties[key]) && (!IsUndefined3(schema.properties[key]) || TypeSystemPolicy.IsExactOptionalProperty(knownProperties, key)))
      continue;
    knownProperties[key] = Visit7(schema.properties[key], references, `${path}/${key}`, knownProperties[key]);
  }
  if (!IsSchema(schema.additionalProperties)) {
    return Default(schema, path, knownProperties);
  }
  const unknownKeys = Object.getOwnPropertyNames(knownProperties);
  const additionalProperties = schema.additionalProperties;
  const unknownProperties = { ...knownProperties };
  for (const key of unknownKeys)
    if (!knownKeys.includes(key)) {
      unknownProperties[key] = Default(additionalProperties, `${path}/${key}`, unknownProperties[key]);
    }
  return Default(schema, path, unknownProperties);
}
function FromRecord6(schema, references, path, value) {
  if (!IsObject2(value))
    return Default(schema, path, value);
  const pattern = Object.getOwnPropertyNames(schema.patternProperties)[0];
  const knownKeys = new RegExp(pattern);
  const knownProperties = { ...value };
  for (const key of Object.getOwnPropertyNames(value))
    if (knownKeys.test(key)) {
      knownProperties[key] = Visit7(schema.patternProperties[pattern], references, `${path}/${key}`, knownProperties[key]);
    }
  if (!IsSchema(schema.additionalProperties)) {
    return Default(schema, path, knownProperties);
  }
  const unknownKeys = Object.getOwnPropertyNames(knownProperties);
  const additionalProperties = schema.additionalProperties;
  const unknownProperties = { ...knownProperties };
  for (const key of unknownKeys)
    if (!knownKeys.test(key)) {
      unknownProperties[key] = Default(additionalProperties, `${path}/${key}`, unknownProperties[key]);
    }
  return Default(schema, path, unknownProperties);
}
function FromRef7(schema, references, path, value) {
  const target = Deref(schema, references);
  return Default(schema, path, Visit7(target, references, path, value));
}
function FromThis3(schema, references, path, value) {
  const target = Deref(schema, references);
  return Default(schema, path, Visit7(target, references, path, value));
}
function FromTuple8(schema, references, path, value) {
  return IsArray2(value) && IsArray2(schema.items) ? Default(schema, path, schema.items.map((schema2, index) => Visit7(schema2, references, `${path}/${index}`, value[index]))) : Default(schema, path, value);
}
function FromUnion13(schema, references, path, value) {
  for (const subschema of schema.anyOf) {
    if (!Check(subschema, references, value))
      continue;
    const decoded = Visit7(subschema, references, path, value);
    return Default(schema, path, decoded);
  }
  return Default(schema, path, value);
}
function Visit7(schema, references, path, value) {
  const references_ = Pushref(schema, references);
  const schema_ = schema;
  switch (schema[Kind]) {
    case "Array":
      return FromArray9(schema_, references_, path, value);
    case "Import":
      return FromImport3(schema_, references_, path, value);
    case "Intersect":
      return FromIntersect11(schema_, references_, path, value);
    case "Not":
      return FromNot4(schema_, references_, path, value);
    case "Object":
      return FromObject10(schema_, references_, path, value);
    case "Record":
      return FromRecord6(schema_, references_, path, value);
    case "Ref":
      return FromRef7(schema_, references_, path, value);
    case "Symbol":
      return Default(schema_, path, value);
    case "This":
      return FromThis3(schema_, references_, path, value);
    case "Tuple":
      return FromTuple8(schema_, references_, path, value);
    case "Union":
      return FromUnion13(schema_, references_, path, value);
    default:
      return Default(schema_, path, value);
  }
}
function TransformDecode(schema, references, value) {
  return Visit7(schema, references, "", value);
}

// node_modules/@sinclair/typebox/build/esm/value/transform/encode.mjs
var TransformEncodeCheckError = class extends TypeBoxError {
  constructor(schema, value, error) {
    super(`The encoded value does not match the expected schema`);
    this.schema = schema;
    this.value = value;
    this.error = error;
  }
};
var TransformEncodeError = class extends TypeBoxError {
  constructor(schema, path, value, error) {
    super(`${error instanceof Error ? error.message : "Unknown error"}`);
    this.schema = schema;
    this.path = path;
    this.value = value;
    this.error = error;
  }
};
function Default2(schema, path, value) {
  try {
    return IsTransform(schema) ? schema[TransformKind].Encode(value) : value;
  } catch (error) {
    throw new TransformEncodeError(schema, path, value, error);
  }
}
function FromArray10(schema, references, path, value) {
  const defaulted = Default2(schema, path, value);
  return IsArray2(defaulted) ? defaulted.map((value2, index) => Visit8(schema.items, references, `${path}/${index}`, value2)) : defaulted;
}
function FromImport4(schema, references, path, value) {
  const additional = globalThis.Object.values(schema.$defs);
  const target = schema.$defs[schema.$ref];
  const result = Default2(schema, path, value);
  return Visit8(target, [...references, ...additional], path, result);
}
function FromIntersect12(schema, references, path, value) {
  const defaulted = Default2(schema, path, value);
  if (!IsObject2(value) || IsValueType(value))
    return defaulted;
  const knownEntries = KeyOfPropertyEntries(schema);
  const knownKeys = knownEntries.map((entry) => entry[0]);
  const knownProperties = { ...defaulted };
  for (const [knownKey, knownSchema] of knownEntries)
    if (knownKey in knownProperties) {
      knownProperties[knownKey] = Visit8(knownSchema, references, `${path}/${knownKey}`, knownProperties[knownKey]);
    }
  if (!IsTransform(schema.unevaluatedProperties)) {
    return knownProperties;
  }
  const unknownKeys = Object.getOwnPropertyNames(knownProperties);
  const unevaluatedProperties = schema.unevaluatedProperties;
  const properties = { ...knownProperties };
  for (const key of unknownKeys)
    if (!knownKeys.includes(key)) {
      properties[key] = Default2(unevaluatedProperties, `${path}/${key}`, properties[key]);
    }
  return properties;
}
function FromNot5(schema, references, path, value) {
  return Default2(schema.not, path, Default2(schema, path, value));
}
function FromObject11(schema, references, path, value) {
  const defaulted = Default2(schema, path, value);
  if (!IsObject2(defaulted))
    return defaulted;
  const knownKeys = KeyOfPropertyKeys(schema);
  const knownProperties = { ...defaulted };
  for (const key of knownKeys) {
    if (!HasPropertyKey2(knownProperties, key))
      continue;
    if (IsUndefined2(knownProperties[key]) && (!IsUndefined3(schema.properties[key]) || TypeSystemPolicy.IsExactOptionalProperty(knownProperties, key)))
      continue;
    knownProperties[key] = Visit8(schema.properties[key], references, `${path}/${key}`, knownProperties[key]);
  }
  if (!IsSchema(schema.additionalProperties)) {
    return knownProperties;
  }
  const unknownKeys = Object.getOwnPropertyNames(knownProperties);
  const additionalProperties = schema.additionalProperties;
  const properties = { ...knownProperties };
  for (const key of unknownKeys)
    if (!knownKeys.includes(key)) {
      properties[key] = Default2(additionalProperties, `${path}/${key}`, properties[key]);
    }
  return properties;
}
function FromRecord7(schema, references, path, value) {
  const defaulted = Default2(schema, path, value);
  if (!IsObject2(value))
    return defaulted;
  const pattern = Object.getOwnPropertyNames(schema.patternProperties)[0];
  const knownKeys = new RegExp(pattern);
  const knownProperties = { ...defaulted };
  for (const key of Object.getOwnPropertyNames(value))
    if (knownKeys.test(key)) {
      knownProperties[key] = Visit8(schema.patternProperties[pattern], references, `${path}/${key}`, knownProperties[key]);
    }
  if (!IsSchema(schema.additionalProperties)) {
    return knownProperties;
  }
  const unknownKeys = Object.getOwnPropertyNames(knownProperties);
  const additionalProperties = schema.additionalProperties;
  const properties = { ...knownProperties };
  for (const key of unknownKeys)
    if (!knownKeys.test(key)) {
      properties[key] = Default2(additionalProperties, `${path}/${key}`, properties[key]);
    }
  return properties;
}
function FromRef8(schema, references, path, value) {
  const target = Deref(schema, references);
  const resolved = Visit8(target, references, path, value);
  return Default2(schema, path, resolved);
}
function FromThis4(schema, references, path, value) {
  const target = Deref(schema, references);
  const resolved = Visit8(target, references, path, value);
  return Default2(schema, path, resolved);
}
function FromTuple9(schema, references, path, value) {
  const value1 = Default2(schema, path, value);
  return IsArray2(schema.items) ? schema.items.map((schema2, index) => Visit8(schema2, references, `${path}/${index}`, value1[index])) : [];
}
function FromUnion14(schema, references, path, value) {
  for (const subschema of schema.anyOf) {
    if (!Check(subschema, references, value))
      continue;
    const value1 = Visit8(subschema, references, path, value);
    return Default2(schema, path, value1);
  }
  for (const subschema of schema.anyOf) {
    const value1 = Visit8(subschema, references, path, value);
    if (!Check(schema, references, value1))
      continue;
    return Default2(schema, path, value1);
  }
  return Default2(schema, path, value);
}
function Visit8(schema, references, path, value) {
  const references_ = Pushref(schema, references);
  const schema_ = schema;
  switch (schema[Kind]) {
    case "Array":
      return FromArray10(schema_, references_, path, value);
    case "Import":
      return FromImport4(schema_, references_, path, value);
    case "Intersect":
      return FromIntersect12(schema_, references_, path, value);
    case "Not":
      return FromNot5(schema_, references_, path, value);
    case "Object":
      return FromObject11(schema_, references_, path, value);
    case "Record":
      return FromRecord7(schema_, references_, path, value);
    case "Ref":
      return FromRef8(schema_, references_, path, value);
    case "This":
      return FromThis4(schema_, references_, path, value);
    case "Tuple":
      return FromTuple9(schema_, references_, path, value);
    case "Union":
      return FromUnion14(schema_, references_, path, value);
    default:
      return Default2(schema_, path, value);
  }
}
function TransformEncode(schema, references, value) {
  return Visit8(schema, references, "", value);
}

// node_modules/@sinclair/typebox/build/esm/value/transform/has.mjs
function FromArray11(schema, references) {
  return IsTransform(schema) || Visit9(schema.items, references);
}
function FromAsyncIterator6(schema, references) {
  return IsTransform(schema) || Visit9(schema.items, references);
}
function FromConstructor6(schema, references) {
  return IsTransform(schema) || Visit9(schema.returns, references) || schema.parameters.some((schema2) => Visit9(schema2, references));
}
function FromFunction6(schema, references) {
  return IsTransform(schema) || Visit9(schema.returns, references) || schema.parameters.some((schema2) => Visit9(schema2, references));
}
function FromIntersect13(schema, references) {
  return IsTransform(schema) || IsTransform(schema.unevaluatedProperties) || schema.allOf.some((schema2) => Visit9(schema2, references));
}
function FromImport5(schema, references) {
  const additional = globalThis.Object.getOwnPropertyNames(schema.$defs).reduce((result, key) => [...result, schema.$defs[key]], []);
  const target = schema.$defs[schema.$ref];
  return IsTransform(schema) || Visit9(target, [...additional, ...references]);
}
function FromIterator6(schema, references) {
  return IsTransform(schema) || Visit9(schema.items, references);
}
function FromNot6(schema, references) {
  return IsTransform(schema) || Visit9(schema.not, references);
}
function FromObject12(schema, references) {
  return IsTransform(schema) || Object.values(schema.properties).some((schema2) => Visit9(schema2, references)) || IsSchema(schema.additionalProperties) && Visit9(schema.additionalProperties, references);
}
function FromPromise6(schema, references) {
  return IsTransform(schema) || Visit9(schema.item, references);
}
function FromRecord8(schema, references) {
  const pattern = Object.getOwnPropertyNames(schema.patternProperties)[0];
  const property = schema.patternProperties[pattern];
  return IsTransform(schema) || Visit9(property, references) || IsSchema(schema.additionalProperties) && IsTransform(schema.additionalProperties);
}
function FromRef9(schema, references) {
  if (IsTransform(schema))
    return true;
  return Visit9(Deref(schema, references), references);
}
function FromThis5(schema, references) {
  if (IsTransform(schema))
    return true;
  return Visit9(Deref(schema, references), references);
}
function FromTuple10(schema, references) {
  return IsTransform(schema) || !IsUndefined2(schema.items) && schema.items.some((schema2) => Visit9(schema2, references));
}
function FromUnion15(schema, references) {
  return IsTransform(schema) || schema.anyOf.some((schema2) => Visit9(schema2, references));
}
function Visit9(schema, references) {
  const references_ = Pushref(schema, references);
  const schema_ = schema;
  if (schema.$id && visited.has(schema.$id))
    return false;
  if (schema.$id)
    visited.add(schema.$id);
  switch (schema[Kind]) {
    case "Array":
      return FromArray11(schema_, references_);
    case "AsyncIterator":
      return FromAsyncIterator6(schema_, references_);
    case "Constructor":
      return FromConstructor6(schema_, references_);
    case "Function":
      return FromFunction6(schema_, references_);
    case "Import":
      return FromImport5(schema_, references_);
    case "Intersect":
      return FromIntersect13(schema_, references_);
    case "Iterator":
      return FromIterator6(schema_, references_);
    case "Not":
      return FromNot6(schema_, references_);
    case "Object":
      return FromObject12(schema_, references_);
    case "Promise":
      return FromPromise6(schema_, references_);
    case "Record":
      return FromRecord8(schema_, references_);
    case "Ref":
      return FromRef9(schema_, references_);
    case "This":
      return FromThis5(schema_, references_);
    case "Tuple":
      return FromTuple10(schema_, references_);
    case "Union":
      return FromUnion15(schema_, references_);
    default:
      return IsTransform(schema);
  }
}
var visited = /* @__PURE__ */ new Set();
function HasTransform(schema, references) {
  visited.clear();
  return Visit9(schema, references);
}

// node_modules/@sinclair/typebox/build/esm/compiler/compiler.mjs
var TypeCheck = class {
  constructor(schema, references, checkFunc, code) {
    this.schema = schema;
    this.references = references;
    this.checkFunc = checkFunc;
    this.code = code;
    this.hasTransform = HasTransform(schema, references);
  }
  /** Returns the generated assertion code used to validate this type. */
  Code() {
    return this.code;
  }
  /** Returns the schema type used to validate */
  Schema() {
    return this.schema;
  }
  /** Returns reference types used to validate */
  References() {
    return this.references;
  }
  /** Returns an iterator for each error in this value. */
  Errors(value) {
    return Errors(this.schema, this.references, value);
  }
  /** Returns true if the value matches the compiled type. */
  Check(value) {
    return this.checkFunc(value);
  }
  /** Decodes a value or throws if error */
  Decode(value) {
    if (!this.checkFunc(value))
      throw new TransformDecodeCheckError(this.schema, value, this.Errors(value).First());
    return this.hasTransform ? TransformDecode(this.schema, this.references, value) : value;
  }
  /** Encodes a value or throws if error */
  Encode(value) {
    const encoded = this.hasTransform ? TransformEncode(this.schema, this.references, value) : value;
    if (!this.checkFunc(encoded))
      throw new TransformEncodeCheckError(this.schema, value, this.Errors(value).First());
    return encoded;
  }
};
var Character;
(function(Character2) {
  function DollarSign(code) {
    return code === 36;
  }
  Character2.DollarSign = DollarSign;
  function IsUnderscore(code) {
    return code === 95;
  }
  Character2.IsUnderscore = IsUnderscore;
  function IsAlpha(code) {
    return code >= 65 && code <= 90 || code >= 97 && code <= 122;
  }
  Character2.IsAlpha = IsAlpha;
  function IsNumeric(code) {
    return code >= 48 && code <= 57;
  }
  Character2.IsNumeric = IsNumeric;
})(Character || (Character = {}));
var Identifier;
(function(Identifier2) {
  function Encode($id) {
    const buffer = [];
    for (let i = 0; i < $id.length; i++) {
      const code = $id.charCodeAt(i);
      if (Character.IsNumeric(code) || Character.IsAlpha(code)) {
        buffer.push($id.charAt(i));
      } else {
        buffer.push(`_${code}_`);
      }
    }
    return buffer.join("").replace(/__/g, "_");
  }
  Identifier2.Encode = Encode;
})(Identifier || (Identifier = {}));
function StringConstant(value) {
  if (!IsString2(value))
    throw Error("ConstantString: Not a String");
  const canonical = JSON.stringify(value).slice(1, -1);
  const escaped = canonical.replace(/'/g, "\\'");
  return `'${escaped}'`;
}
function MemberExpression(value, key) {
  return `${value}[${StringConstant(key)}]`;
}
var TypeCompilerUnknownTypeError = class extends TypeBoxError {
  constructor(schema) {
    super("Unknown type");
    this.schema = schema;
  }
};
var TypeCompilerTypeGuardError = class extends TypeBoxError {
  constructor(schema) {
    super("Preflight validation check failed to guard for the given schema");
    this.schema = schema;
  }
};
var Policy;
(function(Policy2) {
  function IsExactOptionalProperty(value, key, expression) {
    return TypeSystemPolicy.ExactOptionalPropertyTypes ? `(${StringConstant(key)} in ${value} ? ${expression} : true)` : `(${MemberExpression(value, key)} !== undefined ? ${expression} : true)`;
  }
  Policy2.IsExactOptionalProperty = IsExactOptionalProperty;
  function IsObjectLike(value) {
    return !TypeSystemPolicy.AllowArrayObject ? `(typeof ${value} === 'object' && ${value} !== null && !Array.isArray(${value}))` : `(typeof ${value} === 'object' && ${value} !== null)`;
  }
  Policy2.IsObjectLike = IsObjectLike;
  function IsRecordLike(value) {
    return !TypeSystemPolicy.AllowArrayObject ? `(typeof ${value} === 'object' && ${value} !== null && !Array.isArray(${value}) && !(${value} instanceof Date) && !(${value} instanceof Uint8Array))` : `(typeof ${value} === 'object' && ${value} !== null && !(${value} instanceof Date) && !(${value} instanceof Uint8Array))`;
  }
  Policy2.IsRecordLike = IsRecordLike;
  function IsNumberLike(value) {
    return TypeSystemPolicy.AllowNaN ? `typeof ${value} === 'number'` : `Number.isFinite(${value})`;
  }
  Policy2.IsNumberLike = IsNumberLike;
  function IsVoidLike(value) {
    return TypeSystemPolicy.AllowNullVoid ? `(${value} === undefined || ${value} === null)` : `${value} === undefined`;
  }
  Policy2.IsVoidLike = IsVoidLike;
})(Policy || (Policy = {}));
var TypeCompiler;
(function(TypeCompiler2) {
  function IsAnyOrUnknown2(schema) {
    return schema[Kind] === "Any" || schema[Kind] === "Unknown";
  }
  function* FromAny4(schema, references, value) {
    yield "true";
  }
  function* FromArgument4(schema, references, value) {
    yield "true";
  }
  function* FromArray12(schema, references, value) {
    yield `Array.isArray(${value})`;
    const [parameter, accumulator] = [CreateParameter("value", "any"), CreateParameter("acc", "number")];
    if (IsNumber2(schema.maxItems))
      yield `${value}.length <= ${schema.maxItems}`;
    if (IsNumber2(schema.minItems))
      yield `${value}.length >= ${schema.minItems}`;
    const elementExpression = CreateExpression(schema.items, references, "value");
    yield `((array) => { for(const ${parameter} of array) if(!(${elementExpression})) { return false }; return true; })(${value})`;
    if (IsSchema2(schema.contains) || IsNumber2(schema.minContains) || IsNumber2(schema.maxContains)) {
      const containsSchema = IsSchema2(schema.contains) ? schema.contains : Never();
      const checkExpression = CreateExpression(containsSchema, references, "value");
      const checkMinContains = IsNumber2(schema.minContains) ? [`(count >= ${schema.minContains})`] : [];
      const checkMaxContains = IsNumber2(schema.maxContains) ? [`(count <= ${schema.maxContains})`] : [];
      const checkCount = `const count = value.reduce((${accumulator}, ${parameter}) => ${checkExpression} ? acc + 1 : acc, 0)`;
      const check = [`(count > 0)`, ...checkMinContains, ...checkMaxContains].join(" && ");
      yield `((${parameter}) => { ${checkCount}; return ${check}})(${value})`;
    }
    if (schema.uniqueItems === true) {
      const check = `const hashed = hash(element); if(set.has(hashed)) { return false } else { set.add(hashed) } } return true`;
      const block = `const set = new Set(); for(const element of value) { ${check} }`;
      yield `((${parameter}) => { ${block} )(${value})`;
    }
  }
  function* FromAsyncIterator7(schema, references, value) {
    yield `(typeof value === 'object' && Symbol.asyncIterator in ${value})`;
  }
  function* FromBigInt4(schema, references, value) {
    yield `(typeof ${value} === 'bigint')`;
    if (IsBigInt2(schema.exclusiveMaximum))
      yield `${value} < BigInt(${schema.exclusiveMaximum})`;
    if (IsBigInt2(schema.exclusiveMinimum))
      yield `${value} > BigInt(${schema.exclusiveMinimum})`;
    if (IsBigInt2(schema.maximum))
      yield `${value} <= BigInt(${schema.maximum})`;
    if (IsBigInt2(schema.minimum))
      yield `${value} >= BigInt(${schema.minimum})`;
    if (IsBigInt2(schema.multipleOf))
      yield `(${value} % BigInt(${schema.multipleOf})) === 0`;
  }
  function* FromBoolean4(schema, references, value) {
    yield `(typeof ${value} === 'boolean')`;
  }
  function* FromConstructor7(schema, references, value) {
    yield* Visit10(schema.returns, references, `${value}.prototype`);
  }
  function* FromDate4(schema, references, value) {
    yield `(${value} instanceof Date) && Number.isFinite(${value}.getTime())`;
    if (IsNumber2(schema.exclusiveMaximumTimestamp))
      yield `${value}.getTime() < ${schema.exclusiveMaximumTimestamp}`;
    if (IsNumber2(schema.exclusiveMinimumTimestamp))
      yield `${value}.getTime() > ${schema.exclusiveMinimumTimestamp}`;
    if (IsNumber2(schema.maximumTimestamp))
      yield `${value}.getTime() <= ${schema.maximumTimestamp}`;
    if (IsNumber2(schema.minimumTimestamp))
      yield `${value}.getTime() >= ${schema.minimumTimestamp}`;
    if (IsNumber2(schema.multipleOfTimestamp))
      yield `(${value}.getTime() % ${schema.multipleOfTimestamp}) === 0`;
  }
  function* FromFunction7(schema, references, value) {
    yield `(typeof ${value} === 'function')`;
  }
  function* FromImport6(schema, references, value) {
    const members = globalThis.Object.getOwnPropertyNames(schema.$defs).reduce((result, key) => {
      return [...result, schema.$defs[key]];
    }, []);
    yield* Visit10(Ref(schema.$ref), [...references, ...members], value);
  }
  function* FromInteger4(schema, references, value) {
    yield `Number.isInteger(${value})`;
    if (IsNumber2(schema.exclusiveMaximum))
      yield `${value} < ${schema.exclusiveMaximum}`;
    if (IsNumber2(schema.exclusiveMinimum))
      yield `${value} > ${schema.exclusiveMinimum}`;
    if (IsNumber2(schema.maximum))
      yield `${value} <= ${schema.maximum}`;
    if (IsNumber2(schema.minimum))
      yield `${value} >= ${schema.minimum}`;
    if (IsNumber2(schema.multipleOf))
      yield `(${value} % ${schema.multipleOf}) === 0`;
  }
  function* FromIntersect14(schema, references, value) {
    const check1 = schema.allOf.map((schema2) => CreateExpression(schema2, references, value)).join(" && ");
    if (schema.unevaluatedProperties === false) {
      const keyCheck = CreateVariable(`${new RegExp(KeyOfPattern(schema))};`);
      const check2 = `Object.getOwnPropertyNames(${value}).every(key => ${keyCheck}.test(key))`;
      yield `(${check1} && ${check2})`;
    } else if (IsSchema2(schema.unevaluatedProperties)) {
      const keyCheck = CreateVariable(`${new RegExp(KeyOfPattern(schema))};`);
      const check2 = `Object.getOwnPropertyNames(${value}).every(key => ${keyCheck}.test(key) || ${CreateExpression(schema.unevaluatedProperties, references, `${value}[key]`)})`;
      yield `(${check1} && ${check2})`;
    } else {
      yield `(${check1})`;
    }
  }
  function* FromIterator7(schema, references, value) {
    yield `(typeof value === 'object' && Symbol.iterator in ${value})`;
  }
  function* FromLiteral5(schema, references, value) {
    if (typeof schema.const === "number" || typeof schema.const === "boolean") {
      yield `(${value} === ${schema.const})`;
    } else if (typeof schema.const === "string") {
      yield `(${value} === ${StringConstant(schema.const)})`;
    } else {
      throw Error("Invalid Literal Value");
    }
  }
  function* FromNever4(schema, references, value) {
    yield `false`;
  }
  function* FromNot7(schema, references, value) {
    const expression = CreateExpression(schema.not, references, value);
    yield `(!${expression})`;
  }
  function* FromNull4(schema, references, value) {
    yield `(${value} === null)`;
  }
  function* FromNumber4(schema, references, value) {
    yield Policy.IsNumberLike(value);
    if (IsNumber2(schema.exclusiveMaximum))
      yield `${value} < ${schema.exclusiveMaximum}`;
    if (IsNumber2(schema.exclusiveMinimum))
      yield `${value} > ${schema.exclusiveMinimum}`;
    if (IsNumber2(schema.maximum))
      yield `${value} <= ${schema.maximum}`;
    if (IsNumber2(schema.minimum))
      yield `${value} >= ${schema.minimum}`;
    if (IsNumber2(schema.multipleOf))
      yield `(${value} % ${schema.multipleOf}) === 0`;
  }
  function* FromObject13(schema, references, value) {
    yield Policy.IsObjectLike(value);
    if (IsNumber2(schema.minProperties))
      yield `Object.getOwnPropertyNames(${value}).length >= ${schema.minProperties}`;
    if (IsNumber2(schema.maxProperties))
      yield `Object.getOwnPropertyNames(${value}).length <= ${schema.maxProperties}`;
    const knownKeys = Object.getOwnPropertyNames(schema.properties);
    for (const knownKey of knownKeys) {
      const memberExpression = MemberExpression(value, knownKey);
      const property = schema.properties[knownKey];
      if (schema.required && schema.required.includes(knownKey)) {
        yield* Visit10(property, references, memberExpression);
        if (ExtendsUndefinedCheck(property) || IsAnyOrUnknown2(property))
          yield `(${StringConstant(knownKey)} in ${value})`;
      } else {
        const expression = CreateExpression(property, references, memberExpression);
        yield Policy.IsExactOptionalProperty(value, knownKey, expression);
      }
    }
    if (schema.additionalProperties === false) {
      if (schema.required && schema.required.length === knownKeys.length) {
        yield `Object.getOwnPropertyNames(${value}).length === ${knownKeys.length}`;
      } else {
        const keys = `[${knownKeys.map((key) => `${StringConstant(key)}`).join(", ")}]`;
        yield `Object.getOwnPropertyNames(${value}).every(key => ${keys}.includes(key))`;
      }
    }
    if (typeof schema.additionalProperties === "object") {
      const expression = CreateExpression(schema.additionalProperties, references, `${value}[key]`);
      const keys = `[${knownKeys.map((key) => `${StringConstant(key)}`).join(", ")}]`;
      yield `(Object.getOwnPropertyNames(${value}).every(key => ${keys}.includes(key) || ${expression}))`;
    }
  }
  function* FromPromise7(schema, references, value) {
    yield `${value} instanceof Promise`;
  }
  function* FromRecord9(schema, references, value) {
    yield Policy.IsRecordLike(value);
    if (IsNumber2(schema.minProperties))
      yield `Object.getOwnPropertyNames(${value}).length >= ${schema.minProperties}`;
    if (IsNumber2(schema.maxProperties))
      yield `Object.getOwnPropertyNames(${value}).length <= ${schema.maxProperties}`;
    const [patternKey, patternSchema] = Object.entries(schema.patternProperties)[0];
    const variable = CreateVariable(`${new RegExp(patternKey)}`);
    const check1 = CreateExpression(patternSchema, references, "value");
    const check2 = IsSchema2(schema.additionalProperties) ? CreateExpression(schema.additionalProperties, references, value) : schema.additionalProperties === false ? "false" : "true";
    const expression = `(${variable}.test(key) ? ${check1} : ${check2})`;
    yield `(Object.entries(${value}).every(([key, value]) => ${expression}))`;
  }
  function* FromRef10(schema, references, value) {
    const target = Deref(schema, references);
    if (state.functions.has(schema.$ref))
      return yield `${CreateFunctionName(schema.$ref)}(${value})`;
    yield* Visit10(target, references, value);
  }
  function* FromRegExp4(schema, references, value) {
    const variable = CreateVariable(`${new RegExp(schema.source, schema.flags)};`);
    yield `(typeof ${value} === 'string')`;
    if (IsNumber2(schema.maxLength))
      yield `${value}.length <= ${schema.maxLength}`;
    if (IsNumber2(schema.minLength))
      yield `${value}.length >= ${schema.minLength}`;
    yield `${variable}.test(${value})`;
  }
  function* FromString4(schema, references, value) {
    yield `(typeof ${value} === 'string')`;
    if (IsNumber2(schema.maxLength))
      yield `${value}.length <= ${schema.maxLength}`;
    if (IsNumber2(schema.minLength))
      yield `${value}.length >= ${schema.minLength}`;
    if (schema.pattern !== void 0) {
      const variable = CreateVariable(`${new RegExp(schema.pattern)};`);
      yield `${variable}.test(${value})`;
    }
    if (schema.format !== void 0) {
      yield `format(${StringConstant(schema.format)}, ${value})`;
    }
  }
  function* FromSymbol4(schema, references, value) {
    yield `(typeof ${value} === 'symbol')`;
  }
  function* FromTemplateLiteral6(schema, references, value) {
    yield `(typeof ${value} === 'string')`;
    const variable = CreateVariable(`${new RegExp(schema.pattern)};`);
    yield `${variable}.test(${value})`;
  }
  function* FromThis6(schema, references, value) {
    yield `${CreateFunctionName(schema.$ref)}(${value})`;
  }
  function* FromTuple11(schema, references, value) {
    yield `Array.isArray(${value})`;
    if (schema.items === void 0)
      return yield `${value}.length === 0`;
    yield `(${value}.length === ${schema.maxItems})`;
    for (let i = 0; i < schema.items.length; i++) {
      const expression = CreateExpression(schema.items[i], references, `${value}[${i}]`);
      yield `${expression}`;
    }
  }
  function* FromUndefined4(schema, references, value) {
    yield `${value} === undefined`;
  }
  function* FromUnion16(schema, references, value) {
    const expressions = schema.anyOf.map((schema2) => CreateExpression(schema2, references, value));
    yield `(${expressions.join(" || ")})`;
  }
  function* FromUint8Array4(schema, references, value) {
    yield `${value} instanceof Uint8Array`;
    if (IsNumber2(schema.maxByteLength))
      yield `(${value}.length <= ${schema.maxByteLength})`;
    if (IsNumber2(schema.minByteLength))
      yield `(${value}.length >= ${schema.minByteLength})`;
  }
  function* FromUnknown4(schema, references, value) {
    yield "true";
  }
  function* FromVoid4(schema, references, value) {
    yield Policy.IsVoidLike(value);
  }
  function* FromKind3(schema, references, value) {
    const instance3 = state.instances.size;
    state.instances.set(instance3, schema);
    yield `kind(${StringConstant(schema[Kind])}, ${instance3}, ${value})`;
  }
  function* Visit10(schema, references, value, useHoisting = true) {
    const references_ = IsString2(schema.$id) ? [...references, schema] : references;
    const schema_ = schema;
    if (useHoisting && IsString2(schema.$id)) {
      const functionName = CreateFunctionName(schema.$id);
      if (state.functions.has(functionName)) {
        return yield `${functionName}(${value})`;
      } else {
        state.functions.set(functionName, "<deferred>");
        const functionCode = CreateFunction(functionName, schema, references, "value", false);
        state.functions.set(functionName, functionCode);
        return yield `${functionName}(${value})`;
      }
    }
    switch (schema_[Kind]) {
      case "Any":
        return yield* FromAny4(schema_, references_, value);
      case "Argument":
        return yield* FromArgument4(schema_, references_, value);
      case "Array":
        return yield* FromArray12(schema_, references_, value);
      case "AsyncIterator":
        return yield* FromAsyncIterator7(schema_, references_, value);
      case "BigInt":
        return yield* FromBigInt4(schema_, references_, value);
      case "Boolean":
        return yield* FromBoolean4(schema_, references_, value);
      case "Constructor":
        return yield* FromConstructor7(schema_, references_, value);
      case "Date":
        return yield* FromDate4(schema_, references_, value);
      case "Function":
        return yield* FromFunction7(schema_, references_, value);
      case "Import":
        return yield* FromImport6(schema_, references_, value);
      case "Integer":
        return yield* FromInteger4(schema_, references_, value);
      case "Intersect":
        return yield* FromIntersect14(schema_, references_, value);
      case "Iterator":
        return yield* FromIterator7(schema_, references_, value);
      case "Literal":
        return yield* FromLiteral5(schema_, references_, value);
      case "Never":
        return yield* FromNever4(schema_, references_, value);
      case "Not":
        return yield* FromNot7(schema_, references_, value);
      case "Null":
        return yield* FromNull4(schema_, references_, value);
      case "Number":
        return yield* FromNumber4(schema_, references_, value);
      case "Object":
        return yield* FromObject13(schema_, references_, value);
      case "Promise":
        return yield* FromPromise7(schema_, references_, value);
      case "Record":
        return yield* FromRecord9(schema_, references_, value);
      case "Ref":
        return yield* FromRef10(schema_, references_, value);
      case "RegExp":
        return yield* FromRegExp4(schema_, references_, value);
      case "String":
        return yield* FromString4(schema_, references_, value);
      case "Symbol":
        return yield* FromSymbol4(schema_, references_, value);
      case "TemplateLiteral":
        return yield* FromTemplateLiteral6(schema_, references_, value);
      case "This":
        return yield* FromThis6(schema_, references_, value);
      case "Tuple":
        return yield* FromTuple11(schema_, references_, value);
      case "Undefined":
        return yield* FromUndefined4(schema_, references_, value);
      case "Union":
        return yield* FromUnion16(schema_, references_, value);
      case "Uint8Array":
        return yield* FromUint8Array4(schema_, references_, value);
      case "Unknown":
        return yield* FromUnknown4(schema_, references_, value);
      case "Void":
        return yield* FromVoid4(schema_, references_, value);
      default:
        if (!type_exports2.Has(schema_[Kind]))
          throw new TypeCompilerUnknownTypeError(schema);
        return yield* FromKind3(schema_, references_, value);
    }
  }
  const state = {
    language: "javascript",
    // target language
    functions: /* @__PURE__ */ new Map(),
    // local functions
    variables: /* @__PURE__ */ new Map(),
    // local variables
    instances: /* @__PURE__ */ new Map()
    // exterior kind instances
  };
  function CreateExpression(schema, references, value, useHoisting = true) {
    return `(${[...Visit10(schema, references, value, useHoisting)].join(" && ")})`;
  }
  function CreateFunctionName($id) {
    return `check_${Identifier.Encode($id)}`;
  }
  function CreateVariable(expression) {
    const variableName = `local_${state.variables.size}`;
    state.variables.set(variableName, `const ${variableName} = ${expression}`);
    return variableName;
  }
  function CreateFunction(name, schema, references, value, useHoisting = true) {
    const [newline, pad] = ["\n", (length) => "".padStart(length, " ")];
    const parameter = CreateParameter("value", "any");
    const returns = CreateReturns("boolean");
    const expression = [...Visit10(schema, references, value, useHoisting)].map((expression2) => `${pad(4)}${expression2}`).join(` &&${newline}`);
    return `function ${name}(${parameter})${returns} {${newline}${pad(2)}return (${newline}${expression}${newline}${pad(2)})
}`;
  }
  function CreateParameter(name, type) {
    const annotation = state.language === "typescript" ? `: ${type}` : "";
    return `${name}${annotation}`;
  }
  function CreateReturns(type) {
    return state.language === "typescript" ? `: ${type}` : "";
  }
  function Build(schema, references, options) {
    const functionCode = CreateFunction("check", schema, references, "value");
    const parameter = CreateParameter("value", "any");
    const returns = CreateReturns("boolean");
    const functions = [...state.functions.values()];
    const variables = [...state.variables.values()];
    const checkFunction = IsString2(schema.$id) ? `return function check(${parameter})${returns} {
  return ${CreateFunctionName(schema.$id)}(value)
}` : `return ${functionCode}`;
    return [...variables, ...functions, checkFunction].join("\n");
  }
  function Code(...args) {
    const defaults = { language: "javascript" };
    const [schema, references, options] = args.length === 2 && IsArray2(args[1]) ? [args[0], args[1], defaults] : args.length === 2 && !IsArray2(args[1]) ? [args[0], [], args[1]] : args.length === 3 ? [args[0], args[1], args[2]] : args.length === 1 ? [args[0], [], defaults] : [null, [], defaults];
    state.language = options.language;
    state.variables.clear();
    state.functions.clear();
    state.instances.clear();
    if (!IsSchema2(schema))
      throw new TypeCompilerTypeGuardError(schema);
    for (const schema2 of references)
      if (!IsSchema2(schema2))
        throw new TypeCompilerTypeGuardError(schema2);
    return Build(schema, references, options);
  }
  TypeCompiler2.Code = Code;
  function Compile(schema, references = []) {
    const generatedCode = Code(schema, references, { language: "javascript" });
    const compiledFunction = Evaluate("kind", "format", "hash", generatedCode);
    const instances = new Map(state.instances);
    function typeRegistryFunction(kind, instance3, value) {
      if (!type_exports2.Has(kind) || !instances.has(instance3))
        return false;
      const checkFunc = type_exports2.Get(kind);
      const schema2 = instances.get(instance3);
      return checkFunc(schema2, value);
    }
    function formatRegistryFunction(format, value) {
      if (!format_exports.Has(format))
        return false;
      const checkFunc = format_exports.Get(format);
      return checkFunc(value);
    }
    function hashFunction(value) {
      return Hash(value);
    }
    const checkFunction = compiledFunction(typeRegistryFunction, formatRegistryFunction, hashFunction);
    return new TypeCheck(schema, references, checkFunction, generatedCode);
  }
  TypeCompiler2.Compile = Compile;
})(TypeCompiler || (TypeCompiler = {}));

// src/core/validate.ts
function formatPath(pointer) {
  let out = "";
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}
var Validator = class {
  constructor(schema) {
    this.schema = schema;
    this.check = TypeCompiler.Compile(schema);
  }
  schema;
  check;
  /** Throws ValidationError unless `value` matches the schema. */
  assert(value) {
    if (this.check.Check(value)) return;
    const first = this.check.Errors(value).First();
    if (!first) throw new ValidationError("", "is invalid");
    const path = formatPath(first.path);
    const custom = first.schema.errorMessage;
    if (first.type === ValueErrorType.ObjectAdditionalProperties) {
      const allowed = Object.keys(first.schema.properties ?? {});
      throw new ValidationError(path, `is not a known field (allowed: ${allowed.join(", ")})`);
    }
    if (first.type === ValueErrorType.ObjectRequiredProperty) {
      throw new ValidationError(path, "is required");
    }
    if (custom) throw new ValidationError(path, custom);
    throw new ValidationError(path, first.message.replace(/^Expected/, "must be"));
  }
};
function uniqueNames(array, names, field = "name") {
  const seen = /* @__PURE__ */ new Map();
  const at = (i) => `${array}[${i}]${field ? `.${field}` : ""}`;
  names.forEach((name, i) => {
    const prev = seen.get(name);
    if (prev !== void 0) throw new ValidationError(at(i), `duplicates ${at(prev)} ("${name}")`);
    seen.set(name, i);
  });
  return seen;
}

// src/wasm/arena.ts
var Layout = class {
  bytes = 0;
  /** Reserve `count` elements of `size` bytes; returns the offset from the arena base. */
  take(count, size) {
    const at = this.bytes;
    this.bytes += Math.ceil(count * size / 8) * 8;
    return at;
  }
  /** Grow the arena to fit; returns the base pointer. */
  reserve(k2, what) {
    const base = k2.reserve(this.bytes);
    if (base === 0) {
      throw new GreenplanError("out-of-memory", `${what}: needs ${(this.bytes / 2 ** 20).toFixed(0)} MiB of WebAssembly memory, over the 4 GiB limit`);
    }
    return base;
  }
};

// src/problems/knapsack/schema.ts
var KnapsackItem = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, errorMessage: "must be a non-empty string", description: "Item name; defaults to its index." })),
    size: Type.Integer({ minimum: 1, maximum: 2147483647, errorMessage: "must be an integer >= 1", description: "Size of one copy (integer resource units)." }),
    value: Type.Number({ minimum: 0, errorMessage: "must be a finite number >= 0", description: "Value of one copy (may be fractional)." }),
    copies: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, errorMessage: "must be an integer >= 1", description: "Copies available (default 1)." }))
  },
  { additionalProperties: false, errorMessage: "must be an object" }
);
var KnapsackInstance = Type.Object(
  {
    problem: Type.Literal("knapsack"),
    capacity: Type.Integer({ minimum: 0, maximum: 2147483647, errorMessage: "must be an integer in 0..2147483647", description: "Largest total size." }),
    items: Type.Array(KnapsackItem, { errorMessage: "must be an array of items" }),
    algorithm: Type.Optional(Type.Union([Type.Literal("auto"), Type.Literal("dp-deque"), Type.Literal("dp-concave"), Type.Literal("proximity")], {
      errorMessage: 'must be one of "auto", "dp-deque", "dp-concave", "proximity"',
      description: 'Exact method: "auto" (default) picks by instance shape; "dp-deque" is O(n\xB7C), "dp-concave" O(d\xB7C\xB7log C) for d distinct sizes, "proximity" O(n\xB7s_max\xB2).'
    }))
  },
  { additionalProperties: false, errorMessage: "must be an object", $id: "greenplan/knapsack" }
);

// src/problems/knapsack/solve.ts
var validator = new Validator(KnapsackInstance);
var KNAPSACK_MAX_BYTES = 2 ** 28;
var maxBytes = KNAPSACK_MAX_BYTES;
var MAX_VALUE_TIMES_CAPACITY = 1e300;
var BOUND_SLACK = 1e-9;
function prepare(items, capacity) {
  const p = { members: [], size: [], value: [], copies: [], C: 0 };
  const key = /* @__PURE__ */ new Map();
  let total = 0;
  items.forEach((it, i) => {
    if (it.size > capacity || it.value <= 0) return;
    const copies = Math.min(it.copies, Math.floor(capacity / it.size));
    total += it.size * copies;
    const kk = `${it.size}/${it.value}`;
    const at = key.get(kk);
    if (at !== void 0 && p.copies[at] + copies <= 2147483647) {
      p.members[at].push(i);
      p.copies[at] = p.copies[at] + copies;
      return;
    }
    key.set(kk, p.size.length);
    p.members.push([i]);
    p.size.push(it.size);
    p.value.push(it.value);
    p.copies.push(copies);
  });
  p.C = Math.min(capacity, total);
  return p;
}
function makeJob(p, items, units, sign, window, mode, grouping) {
  const bySize = /* @__PURE__ */ new Map();
  items.forEach((j, q) => {
    const list = bySize.get(p.size[j]);
    if (list) list.push(q);
    else bySize.set(p.size[j], [q]);
  });
  const singles = [];
  const groups = [];
  let work = 0;
  let gainCells = 0;
  for (const [size, qs] of bySize) {
    const perClass = Math.log2(window / size + 2);
    if (qs.length > 1 && (grouping === "all" || grouping === "auto" && qs.length > GROUP_FACTOR * perClass)) {
      qs.sort((x, y) => sign * (p.value[items[y]] - p.value[items[x]]));
      groups.push(qs);
      work += (window + 1) * perClass * GROUP_COST;
      for (const q of qs) gainCells += Math.min(units[q], Math.floor(window / size));
      gainCells += 1;
    } else {
      singles.push(...qs);
      work += (window + 1) * qs.length;
    }
  }
  let width = 2;
  for (const q of singles) if (Math.min(units[q], Math.floor(window / p.size[items[q]])) > 65535) width = 4;
  for (const g of groups) {
    let tot = 0;
    for (const q of g) tot += units[q];
    if (Math.min(tot, Math.floor(window / p.size[items[g[0]]])) > 65535) width = 4;
  }
  const rows = singles.length + groups.length;
  const lightBytes = (window + 1) * 16 + (items.length + groups.length) * 24 + gainCells * 8;
  const bytes = rows * (window + 1) * width + lightBytes;
  return { items, units, sign, window, mode, singles, groups, width, work, bytes, lightBytes, record: true };
}
var SCRATCH_BYTES = (window) => (window + 1) * 20;
function layJob(lay, p, job) {
  const nS = job.singles.length;
  const nG = job.groups.length;
  const W = job.window;
  const gainLen = job.groups.reduce((a, g) => a + 1 + Math.min(g.reduce((t, q) => t + job.units[q], 0), Math.floor(W / p.size[job.items[g[0]]])), 0);
  const o = {
    sSize: lay.take(nS, 4),
    sCopies: lay.take(nS, 4),
    sCounts: lay.take(nS, 4),
    sValue: lay.take(nS, 8),
    gSize: lay.take(nG, 4),
    gOff: lay.take(nG + 1, 4),
    gCounts: lay.take(nG, 4),
    gGain: lay.take(gainLen, 8),
    dp: lay.take(W + 1, 8),
    sChoice: lay.take(job.record ? Math.ceil(nS * (W + 1) * job.width / 4) : 0, 4),
    gChoice: lay.take(job.record ? Math.ceil(nG * (W + 1) * job.width / 4) : 0, 4)
  };
  return o;
}
function runJob(k2, base, o, sc, p, job) {
  const buf = k2.memory.buffer;
  const W = job.window;
  const nS = job.singles.length;
  const nG = job.groups.length;
  const sSize = new Int32Array(buf, base + o.sSize, nS);
  const sCopies = new Int32Array(buf, base + o.sCopies, nS);
  const sValue = new Float64Array(buf, base + o.sValue, nS);
  job.singles.forEach((q, i) => {
    const j = job.items[q];
    sSize[i] = p.size[j];
    sCopies[i] = Math.min(job.units[q], Math.floor(W / p.size[j]) || 1);
    sValue[i] = job.sign * p.value[j];
  });
  const width = job.record ? job.width : 0;
  let status = k2.knapsackTable({
    n: nS,
    sizes: base + o.sSize,
    values: base + o.sValue,
    copies: base + o.sCopies,
    capacity: W,
    dp: base + o.dp,
    choice: base + o.sChoice,
    dequeIdx: sc.dqIdx,
    dequeVal: sc.dqVal,
    choiceWidth: width,
    mode: job.mode
  });
  if (status !== OK) throw statusError(status, "knapsack");
  if (nG > 0) {
    const gSize = new Int32Array(buf, base + o.gSize, nG);
    const gOff = new Int32Array(buf, base + o.gOff, nG + 1);
    let at = 0;
    const gains = [];
    job.groups.forEach((g, i) => {
      const size = p.size[job.items[g[0]]];
      gSize[i] = size;
      gOff[i] = at;
      const cap = Math.floor(W / size);
      let cum = 0;
      gains.push(0);
      let K = 0;
      for (const q of g) {
        const v = job.sign * p.value[job.items[q]];
        for (let u = 0; u < job.units[q] && K < cap; u++, K++) {
          cum += v;
          gains.push(cum);
        }
      }
      at += K + 1;
    });
    gOff[nG] = at;
    new Float64Array(buf, base + o.gGain, at).set(gains);
    status = k2.knapsackConcave({
      g: nG,
      sizes: base + o.gSize,
      gainOff: base + o.gOff,
      gains: base + o.gGain,
      capacity: W,
      dp: base + o.dp,
      choice: base + o.gChoice,
      seqA: sc.dqVal,
      seqOut: sc.seqOut,
      choiceWidth: width,
      mode: KNAPSACK_CONTINUE
    });
    if (status !== OK) throw statusError(status, "knapsack (concave)");
  }
  return new Float64Array(k2.memory.buffer, base + o.dp, W + 1);
}
function backJob(k2, base, o, p, job, start) {
  const out = new Array(job.items.length).fill(0);
  const nS = job.singles.length;
  const nG = job.groups.length;
  let w = start;
  if (nG > 0) {
    const st2 = k2.knapsackReconstruct({ n: nG, sizes: base + o.gSize, choice: base + o.gChoice, capacity: job.window, choiceWidth: job.width, start: w, counts: base + o.gCounts });
    if (st2 !== OK) throw statusError(st2, "knapsack");
    const c2 = new Int32Array(k2.memory.buffer, base + o.gCounts, nG);
    job.groups.forEach((g, i) => {
      let left = c2[i];
      w -= left * p.size[job.items[g[0]]];
      for (const q of g) {
        const t = Math.min(left, job.units[q]);
        out[q] = t;
        left -= t;
      }
    });
  }
  const st = k2.knapsackReconstruct({ n: nS, sizes: base + o.sSize, choice: base + o.sChoice, capacity: job.window, choiceWidth: job.width, start: w, counts: base + o.sCounts });
  if (st !== OK) throw statusError(st, "knapsack");
  const c = new Int32Array(k2.memory.buffer, base + o.sCounts, nS);
  job.singles.forEach((q, i) => {
    out[q] = c[i];
  });
  return out;
}
var GROUP_FACTOR = 1;
var GROUP_COST = 2;
function planDp(p, grouping) {
  const all = p.size.map((_, j) => j);
  const job = makeJob(p, all, p.copies, 1, p.C, KNAPSACK_AT_MOST, grouping);
  const plan = { algorithm: job.groups.length > 0 ? "dp-concave" : "dp-deque", work: job.work, bytes: job.bytes + SCRATCH_BYTES(p.C), light: false, job };
  return lighten(plan, job.lightBytes + SCRATCH_BYTES(p.C));
}
function planProximity(p, cap = Infinity, incumbent = -Infinity, grouping = "auto") {
  const n = p.size.length;
  const order = Array.from({ length: n }, (_, j) => j);
  const density = p.value.map((v, j) => v / p.size[j]);
  order.sort((a2, b) => density[b] - density[a2] || p.size[a2] - p.size[b] || a2 - b);
  const g = new Array(n).fill(0);
  let free = p.C;
  let vG = 0;
  let breakPos = -1;
  for (let q = 0; q < n; q++) {
    const j = order[q];
    const take = Math.min(p.copies[j], Math.floor(free / p.size[j]));
    g[j] = take;
    free -= take * p.size[j];
    vG += take * p.value[j];
    if (take < p.copies[j]) {
      breakPos = q;
      break;
    }
  }
  const empty = makeJob(p, [], [], 1, 0, KNAPSACK_EXACT, "none");
  if (breakPos < 0) return { algorithm: "proximity", work: n, bytes: 0, light: false, g, free, allFit: true, remove: empty, add: empty, U: vG, z: vG };
  let z = vG;
  let zFree = free;
  for (let q = breakPos + 1; q < n; q++) {
    const j = order[q];
    const take = Math.min(p.copies[j], Math.floor(zFree / p.size[j]));
    zFree -= take * p.size[j];
    z += take * p.value[j];
  }
  z = Math.max(z, incumbent);
  const lambda = density[order[breakPos]];
  const U = vG + lambda * free;
  const slack = Math.max(0, U - z) * (1 + BOUND_SLACK) + BOUND_SLACK * Math.max(1, Math.abs(U));
  let sMax = 0;
  for (const s of p.size) if (s > sMax) sMax = s;
  const window = Math.min(cap, sMax * sMax);
  const side = (positions, avail) => {
    const items = [];
    const units = [];
    let total = 0;
    for (const q of positions) {
      const j = order[q];
      let u = avail(j);
      const r2 = Math.abs(p.value[j] - lambda * p.size[j]);
      if (r2 > 0) u = Math.min(u, Math.floor(slack / r2));
      u = Math.min(u, Math.floor(window / p.size[j]));
      if (u <= 0) continue;
      items.push(j);
      units.push(u);
      total += u * p.size[j];
    }
    return { items, units, total };
  };
  const before = Array.from({ length: breakPos + 1 }, (_, q) => q);
  const after = Array.from({ length: n - breakPos }, (_, q) => breakPos + q);
  const r = side(before, (j) => g[j]);
  const a = side(after, (j) => p.copies[j] - g[j]);
  const rWindow = Math.min(window, r.total);
  const remove = makeJob(p, r.items, r.units, -1, rWindow, KNAPSACK_EXACT, grouping);
  const add = makeJob(p, a.items, a.units, 1, Math.min(window, a.total, free + rWindow), KNAPSACK_EXACT, grouping);
  const scratch = SCRATCH_BYTES(Math.max(remove.window, add.window)) + n * 40;
  const plan = { algorithm: "proximity", work: remove.work + add.work + n * Math.log2(n + 1), bytes: remove.bytes + add.bytes + scratch, light: false, g, free, allFit: false, remove, add, U, z };
  return lighten(plan, remove.lightBytes + add.lightBytes + scratch + (remove.window + 1) * 8);
}
var TWO_PASS_WORK = 2e7;
var FIRST_PASS_WINDOW = 4;
var LIGHT_WORK = 3;
function lighten(plan, lightBytes) {
  if (plan.bytes <= maxBytes || lightBytes > maxBytes) return plan;
  return { ...plan, light: true, bytes: lightBytes, work: plan.work * LIGHT_WORK };
}
function choose(p, wanted, incumbent = -Infinity) {
  if (wanted === "proximity") return planProximity(p, Infinity, incumbent);
  if (wanted === "dp-deque") return planDp(p, "none");
  if (wanted === "dp-concave") return planDp(p, "all");
  const plans = [planDp(p, "none"), planProximity(p, Infinity, incumbent)];
  const grouped = planDp(p, "auto");
  if (grouped.algorithm === "dp-concave") plans.push(grouped);
  const fits = plans.filter((x) => x.bytes <= maxBytes);
  if (fits.length === 0) return plans.reduce((a, b) => b.bytes < a.bytes ? b : a);
  return fits.reduce((a, b) => b.work < a.work ? b : a);
}
function valueOf(p, counts) {
  let v = 0;
  counts.forEach((c, j) => {
    v += c * p.value[j];
  });
  return v;
}
function solveCounts(k2, p, wanted) {
  let plan = choose(p, wanted);
  if (plan.algorithm === "proximity" && !plan.allFit && plan.work > TWO_PASS_WORK) {
    let sMax = 0;
    for (const s of p.size) if (s > sMax) sMax = s;
    let z = -Infinity;
    let best;
    for (let w = Math.max(FIRST_PASS_WINDOW * sMax, 64); w < sMax * sMax; w *= 4) {
      const cheap = planProximity(p, w, z);
      if (process.env.DEBUG_KS) console.log("cheap w", w, "work", cheap.work.toExponential(2), "vs", plan.work.toExponential(2), "R", cheap.remove.items.length, cheap.remove.window, "A", cheap.add.items.length, cheap.add.window);
      if (cheap.bytes > maxBytes || cheap.work > plan.work / 2) break;
      const t0 = performance.now();
      const c = runProximity(k2, p, cheap);
      const v = valueOf(p, c);
      if (process.env.DEBUG_KS) console.log("  -> v", v, "U", plan.U, "z", z, (performance.now() - t0).toFixed(0), "ms");
      if (v <= z) break;
      z = v;
      best = c;
      if (z >= plan.U - BOUND_SLACK * Math.max(1, Math.abs(plan.U))) return { counts: best, algorithm: "proximity" };
      plan = choose(p, wanted, z);
      if (plan.algorithm !== "proximity" || plan.work <= TWO_PASS_WORK) break;
    }
  }
  if (plan.bytes > maxBytes) throw tooLarge(p.size.length, plan);
  if (process.env.DEBUG_KS && plan.algorithm === "proximity") console.log("final n", p.size.length, "work", plan.work.toExponential(2), "R", plan.remove.items.length, plan.remove.window, plan.remove.units.reduce((a, b) => a + b, 0), "A", plan.add.items.length, plan.add.window, plan.add.units.reduce((a, b) => a + b, 0), "U", plan.U, "z", plan.z, "light", plan.light);
  const counts = plan.algorithm === "proximity" ? runProximity(k2, p, plan) : runDp(k2, p, plan);
  return { counts, algorithm: plan.algorithm };
}
function tooLarge(nItems, plan) {
  const mib = (plan.bytes / 2 ** 20).toFixed(0);
  const what = plan.algorithm !== "proximity" ? `the exact DP with ${nItems} items needs ${mib} MiB even without reconstruction tables (capacity+1 values)` : `the proximity method needs ${mib} MiB even without reconstruction tables (windows of s_max\xB2 sizes)`;
  return new ValidationError("capacity", `is too large for the exact DP and the proximity method: ${what}, over the ${maxBytes / 2 ** 20} MiB budget; reduce the capacity, the number of items or the largest size`);
}
function validateKnapsack(input) {
  validator.assert(input);
  const inst2 = input;
  uniqueNames("items", inst2.items.map((it, i) => it.name ?? String(i)));
  inst2.items.forEach((it, i) => {
    if (it.value * inst2.capacity > MAX_VALUE_TIMES_CAPACITY) {
      throw new ValidationError(`items[${i}].value`, `is too large: value \xD7 capacity must stay below 1e300`);
    }
  });
}
function layScratch(lay, window) {
  return { dqVal: lay.take(window + 1, 8), dqIdx: lay.take(window + 1, 4), seqOut: lay.take(window + 1, 8) };
}
function subJob(job, atoms, window, record) {
  const items = [];
  const units = [];
  const singles = [];
  const groups = [];
  const map3 = [];
  for (const a of atoms) {
    if (a.length === 1) singles.push(items.length);
    else groups.push(a.map((_, i) => items.length + i));
    for (const q of a) {
      map3.push(q);
      items.push(job.items[q]);
      units.push(job.units[q]);
    }
  }
  return { sub: { ...job, items, units, singles, groups, window, record }, map: map3 };
}
function atomsOf(job) {
  return [...job.singles.map((q) => [q]), ...job.groups];
}
function dpOnly(k2, p, job) {
  const lay = new Layout();
  const o = layJob(lay, p, job);
  const so = layScratch(lay, job.window);
  const base = lay.reserve(k2, "knapsack");
  return runJob(k2, base, o, { dqVal: base + so.dqVal, dqIdx: base + so.dqIdx, seqOut: base + so.seqOut }, p, job).slice();
}
function tableSolve(k2, p, job, start) {
  const lay = new Layout();
  const o = layJob(lay, p, job);
  const so = layScratch(lay, job.window);
  const base = lay.reserve(k2, "knapsack");
  runJob(k2, base, o, { dqVal: base + so.dqVal, dqIdx: base + so.dqIdx, seqOut: base + so.seqOut }, p, job);
  return backJob(k2, base, o, p, job, start);
}
function solveDC(k2, p, job, atoms, start, out) {
  const { sub, map: map3 } = subJob(job, atoms, start, true);
  const tableBytes = (sub.singles.length + sub.groups.length) * (start + 1) * sub.width;
  if (atoms.length === 1 || tableBytes <= maxBytes / 4) {
    const c = tableSolve(k2, p, sub, start);
    c.forEach((x, i) => {
      out[map3[i]] = x;
    });
    return;
  }
  const half = atoms.length >> 1;
  const A = atoms.slice(0, half);
  const B = atoms.slice(half);
  const dA = dpOnly(k2, p, subJob(job, A, start, false).sub);
  const dB = dpOnly(k2, p, subJob(job, B, start, false).sub);
  let best = -Infinity;
  let split = 0;
  for (let w = 0; w <= start; w++) {
    const v = dA[w] + dB[start - w];
    if (v > best) {
      best = v;
      split = w;
    }
  }
  solveDC(k2, p, job, A, split, out);
  solveDC(k2, p, job, B, start - split, out);
}
function jobCounts(k2, p, job, light, start) {
  if (!light) return tableSolve(k2, p, { ...job, record: true }, start);
  const out = new Array(job.items.length).fill(0);
  solveDC(k2, p, job, atomsOf(job), start, out);
  return out;
}
function runDp(k2, p, plan) {
  const c = jobCounts(k2, p, plan.job, plan.light, p.C);
  const counts = new Array(p.size.length).fill(0);
  plan.job.items.forEach((j, q) => {
    counts[j] = c[q];
  });
  return counts;
}
function runProximity(k2, p, plan) {
  const counts = plan.g.slice();
  if (plan.allFit) return counts;
  const { remove: R, add: A } = plan;
  const dpR = dpOnly(k2, p, { ...R, record: false });
  const dpA = dpOnly(k2, p, { ...A, record: false });
  const bestA = new Float64Array(A.window + 1);
  const argA = new Int32Array(A.window + 1);
  for (let w = 0; w <= A.window; w++) {
    if (w > 0 && bestA[w - 1] >= dpA[w]) {
      bestA[w] = bestA[w - 1];
      argA[w] = argA[w - 1];
    } else {
      bestA[w] = dpA[w];
      argA[w] = w;
    }
  }
  let best = -Infinity;
  let bestR = 0;
  let bestAdd = 0;
  for (let w = 0; w <= R.window; w++) {
    const lost = dpR[w];
    if (lost === -Infinity) continue;
    const room = Math.min(A.window, plan.free + w);
    const gain = lost + bestA[room];
    if (gain > best) {
      best = gain;
      bestR = w;
      bestAdd = argA[room];
    }
  }
  const cR = jobCounts(k2, p, { ...R, window: bestR }, plan.light, bestR);
  const cA = jobCounts(k2, p, { ...A, window: bestAdd }, plan.light, bestAdd);
  R.items.forEach((j, q) => {
    counts[j] = counts[j] - cR[q];
  });
  A.items.forEach((j, q) => {
    counts[j] = counts[j] + cA[q];
  });
  return counts;
}
async function knapsackCounts(items, capacity, algorithm = "auto", budget = KNAPSACK_MAX_BYTES) {
  const p = prepare(items, capacity);
  const k2 = await kernels();
  maxBytes = budget;
  const solved = solveCounts(k2, p, algorithm);
  const counts = new Array(items.length).fill(0);
  solved.counts.forEach((c, j) => {
    let left = c;
    for (const i of p.members[j]) {
      if (left <= 0) break;
      const t = Math.min(left, items[i].copies);
      counts[i] = t;
      left -= t;
    }
  });
  return { counts, algorithm: solved.algorithm };
}
async function knapsack(instance3, options = {}) {
  validateKnapsack(instance3);
  const wanted = options.algorithm ?? instance3.algorithm ?? "auto";
  const raw = instance3.items.map((it) => ({ size: it.size, value: it.value, copies: it.copies ?? 1 }));
  const { counts, algorithm } = await knapsackCounts(raw, instance3.capacity, wanted, options.maxBytes ?? KNAPSACK_MAX_BYTES);
  let total = 0;
  let used = 0;
  const take = [];
  instance3.items.forEach((it, i) => {
    const c = counts[i];
    if (c <= 0) return;
    total += c * it.value;
    used += c * it.size;
    take.push({ name: it.name ?? String(i), count: c });
  });
  if (used > instance3.capacity) throw new GreenplanError("internal", `knapsack (${algorithm}): used ${used} > capacity (please report this bug)`);
  return { problem: "knapsack", status: "optimal", value: total, used, take, algorithm };
}

// src/problems/smoothing/budget.ts
function envelopeBoxes(L, scenario, out) {
  const T = L.length;
  if (T < 2) return;
  let top = -Infinity;
  for (let t = 0; t < T; t++) if (L[t] > top) top = L[t];
  const at = (t) => t < 0 || t >= T ? top : L[t];
  const stack = [-1];
  const orphans = [];
  for (let t = 0; t <= T; t++) {
    const v = at(t);
    while (stack.length > 1 && at(stack[stack.length - 1]) < v) {
      const mid = stack.pop();
      const left = stack[stack.length - 1];
      const height = Math.min(at(left), v) - at(mid);
      if (height <= 0) continue;
      const a = left + 1;
      const b = t - 1;
      if (a === 0 && b === T - 1) continue;
      const children = [];
      while (orphans.length > 0 && out[orphans[orphans.length - 1]].a >= a) children.push(orphans.pop());
      out.push({ scenario, a, b, height, edge: a === 0 || b === T - 1, children });
      orphans.push(out.length - 1);
    }
    stack.push(t);
  }
}
function nestRows(boxes, x) {
  const deficit = new Array(boxes.length).fill(0);
  const fill = (root, want) => {
    let placed = 0;
    const node = [root];
    const next = [0];
    const start = [0];
    while (node.length > 0) {
      const top = node.length - 1;
      const kids = boxes[node[top]].children;
      if (placed < want && next[top] < kids.length) {
        const c = kids[next[top]];
        next[top] = next[top] + 1;
        if (deficit[c] > 0 || x[c] < boxes[c].height) {
          node.push(c);
          next.push(0);
          start.push(placed);
        }
        continue;
      }
      const b = node.pop();
      next.pop();
      deficit[b] = deficit[b] - (placed - start.pop());
      if (b !== root && deficit[b] === 0 && placed < want) {
        const m = Math.min(boxes[b].height - x[b], want - placed);
        x[b] = x[b] + m;
        placed += m;
      }
    }
    return placed;
  };
  for (let b = 0; b < boxes.length; b++) {
    let d = 0;
    for (const c of boxes[b].children) d += deficit[c] + (boxes[c].height - x[c]);
    deficit[b] = d;
    if (x[b] > 0 && d > 0) {
      const m = Math.min(x[b], d);
      const placed = fill(b, m);
      x[b] = x[b] - placed;
    }
  }
}
async function spendBudget(Ls, weights, spare) {
  const boxes = [];
  Ls.forEach((L, i) => envelopeBoxes(L, i, boxes));
  let totalSize = 0;
  for (const bx of boxes) totalSize += (bx.b - bx.a + 1) * bx.height;
  let x;
  let algorithm;
  if (boxes.length === 0) {
    x = [];
    algorithm = "none";
  } else if (totalSize <= spare) {
    x = boxes.map((bx) => bx.height);
    algorithm = "all-fit";
  } else {
    let wMax = 0;
    for (const w of weights) wMax = Math.max(wMax, w);
    const items = boxes.map((bx) => ({ size: bx.b - bx.a + 1, value: (bx.edge ? 1 : 2) * (weights[bx.scenario] / wMax), copies: bx.height }));
    let solved;
    try {
      solved = await knapsackCounts(items, spare);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      throw new ValidationError("budget", `cannot be spent exactly on these ${boxes.length} gaps (widths up to ${items.reduce((m, i) => Math.max(m, i.size), 0)} steps): ${e.message.replace(/^capacity /, "the knapsack ")}`);
    }
    x = solved.counts;
    algorithm = solved.algorithm;
    nestRows(boxes, x);
  }
  const raise = Ls.map((L) => new Float64Array(L.length + 1));
  boxes.forEach((bx, j) => {
    const r = raise[bx.scenario];
    r[bx.a] = r[bx.a] + x[j];
    r[bx.b + 1] = r[bx.b + 1] - x[j];
  });
  for (const r of raise) for (let t = 1; t < r.length; t++) r[t] = r[t] + r[t - 1];
  return { raise: raise.map((r) => r.subarray(0, r.length - 1)), algorithm, boxes: boxes.length };
}

// src/problems/smoothing/solve.ts
var validator2 = new Validator(SmoothingInstance);
var MAX_TOTAL_STEPS = 2 ** 27;
var DEMAND_MESSAGE = "must be a finite number >= 0 (at most 1e12)";
function checkDemand(d, i) {
  for (let t = 0; t < d.length; t++) {
    const x = d[t];
    if (!(typeof x === "number" && x >= 0 && x <= 1e12)) throw new ValidationError(`scenarios[${i}].demand[${t}]`, DEMAND_MESSAGE);
  }
}
var longSeries = (d) => d instanceof Float64Array || Array.isArray(d);
function validateSmoothing(input) {
  const scen = input?.scenarios;
  if (Array.isArray(scen)) {
    validator2.assert({ ...input, scenarios: scen.map((s) => longSeries(s?.demand) ? { ...s, demand: [] } : s) });
    scen.forEach((s, i) => {
      if (!(s.demand instanceof Float64Array)) checkDemand(s.demand, i);
    });
  } else {
    validator2.assert(input);
  }
  const scenarios = input.scenarios;
  uniqueNames("scenarios", scenarios.map((s, i) => s.name ?? String(i)));
  let total = 0;
  for (const s of scenarios) total += s.demand.length;
  if (total > MAX_TOTAL_STEPS) {
    throw new ValidationError("scenarios", `hold ${total} steps in all; at most ${MAX_TOTAL_STEPS} fit in one call (split the instance)`);
  }
}
function badDemand(scen) {
  scen.forEach((s, i) => checkDemand(s.demand, i));
}
async function smooth(instance3, options = {}) {
  validateSmoothing(instance3);
  if (instance3.budget !== void 0) return smoothBudget(instance3, instance3.budget, options);
  return smoothAlpha(instance3, instance3.alpha ?? 1, options);
}
async function smoothBudget(instance3, budget, options) {
  const env = await smoothAlpha(instance3, 0, { plans: "float64" });
  const Ls = env.scenarios.map((s) => s.plan);
  const minimumResource = env.resource;
  if (minimumResource > budget) {
    return {
      problem: "smoothing",
      status: "infeasible",
      budget,
      minimumResource,
      reason: `budget ${budget} is below ${minimumResource}, the least total resource any feasible plan needs (\u03A3 over scenarios of the envelope: demand rounded up, maxStep enforced)`
    };
  }
  const weights = instance3.scenarios.map((s) => s.weight ?? 1);
  const spent = await spendBudget(Ls, weights, Math.floor(budget - minimumResource));
  let resource = 0;
  let variation = 0;
  const scenarios = instance3.scenarios.map((s, i) => {
    const L = Ls[i];
    const r = spent.raise[i];
    const h = new Float64Array(L.length);
    let v = 0;
    for (let t = 0; t < L.length; t++) {
      h[t] = L[t] + r[t];
      resource += h[t];
      if (t > 0) v += Math.abs(h[t] - h[t - 1]);
    }
    variation += weights[i] * v;
    return { name: s.name ?? String(i), plan: options.plans === "float64" ? h : Array.from(h) };
  });
  return { problem: "smoothing", status: "optimal", objective: variation, resource, variation, budget, algorithm: spent.algorithm, scenarios };
}
async function smoothAlpha(instance3, alpha, options) {
  const k2 = await kernels();
  const scen = instance3.scenarios;
  const n = scen.length;
  let N = 0;
  let Tmax = 0;
  for (const s of scen) {
    N += s.demand.length;
    Tmax = Math.max(Tmax, s.demand.length);
  }
  const lay = new Layout();
  const oOff = lay.take(n + 1, 4);
  const oStep = lay.take(n, 4);
  const oCoef = lay.take(n, 8);
  const oSums = lay.take(2 * n, 8);
  const oDem = lay.take(N, 8);
  const oPlan = lay.take(N, 8);
  const oScr = lay.take(Tmax + 1, 8);
  lay.take(Tmax + 1, 4);
  const base = lay.reserve(k2, "smoothing");
  const buf = k2.memory.buffer;
  const off = new Int32Array(buf, base + oOff, n + 1);
  const step = new Int32Array(buf, base + oStep, n);
  const coef = new Float64Array(buf, base + oCoef, n);
  const dem = new Float64Array(buf, base + oDem, N);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const s = scen[i];
    off[i] = at;
    step[i] = s.maxStep ?? -1;
    coef[i] = alpha * (s.weight ?? 1);
    dem.set(s.demand, at);
    at += s.demand.length;
  }
  off[n] = at;
  const status = k2.smoothBatch({
    n,
    offsets: base + oOff,
    demand: base + oDem,
    maxStep: base + oStep,
    coef: base + oCoef,
    plan: base + oPlan,
    sums: base + oSums,
    scratch: base + oScr,
    scratchLen: Tmax
  });
  if (status === BAD_VALUE) badDemand(scen);
  if (status !== OK) throw statusError(status, "smoothing");
  const out = k2.memory.buffer;
  const plan = new Float64Array(out, base + oPlan, N);
  const sums = new Float64Array(out, base + oSums, 2 * n);
  let resource = 0;
  let variation = 0;
  const all = options.plans === "float64" ? plan.slice() : void 0;
  const scenarios = scen.map((s, i) => {
    const a = off[i];
    resource += sums[2 * i];
    variation += (s.weight ?? 1) * sums[2 * i + 1];
    const T = s.demand.length;
    if (all) return { name: s.name ?? String(i), plan: all.subarray(a, a + T) };
    const out2 = new Array(T);
    for (let t = 0; t < T; t++) out2[t] = plan[a + t];
    return { name: s.name ?? String(i), plan: out2 };
  });
  return { problem: "smoothing", status: "optimal", objective: resource + alpha * variation, resource, variation, scenarios };
}

// src/problems/smoothing/check.ts
var TOL = 1e-6;
var near = (a, b) => Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b));
function checkSmoothing(instance3, solution) {
  const fail = (reason) => ({ valid: false, reason });
  if (!solution || solution.problem !== "smoothing") return fail('solution.problem is not "smoothing"');
  const budget = instance3.budget;
  const scen = instance3.scenarios ?? [];
  if (solution.status === "infeasible") {
    if (budget === void 0) return fail('solution.status is "infeasible" but the instance has no budget');
    const least = leastResource(scen);
    if (!(least > budget)) return fail(`solution.status is "infeasible" but a plan of total ${least} fits the budget ${budget}`);
    if (!near(least, solution.minimumResource)) return fail(`minimumResource is ${solution.minimumResource}, recomputed ${least}`);
    return { valid: true, reason: "ok" };
  }
  if (solution.status !== "optimal") return fail(`solution.status is "${solution.status}", expected "optimal"`);
  const alpha = instance3.alpha ?? 1;
  if (!Array.isArray(solution.scenarios) || solution.scenarios.length !== scen.length) {
    return fail(`solution has ${solution.scenarios?.length} scenarios, instance has ${scen.length}`);
  }
  let resource = 0;
  let variation = 0;
  for (let i = 0; i < scen.length; i++) {
    const s = scen[i];
    const name = s.name ?? String(i);
    const got = solution.scenarios[i];
    if (got?.name !== name) return fail(`scenarios[${i}].name is "${got?.name}", expected "${name}"`);
    const h = got.plan;
    const d = s.demand;
    if (!Array.isArray(h) || h.length !== d.length) return fail(`scenarios[${i}].plan has length ${h?.length}, demand has ${d.length}`);
    let v = 0;
    for (let t = 0; t < d.length; t++) {
      const x = h[t];
      if (typeof x !== "number" || !Number.isInteger(x)) return fail(`scenarios[${i}].plan[${t}] = ${x} is not an integer`);
      if (x < d[t]) return fail(`scenarios[${i}].plan[${t}] = ${x} is below demand ${d[t]}`);
      resource += x;
      if (t > 0) {
        const diff = Math.abs(x - h[t - 1]);
        if (s.maxStep !== void 0 && diff > s.maxStep) {
          return fail(`scenarios[${i}].plan changes by ${diff} between steps ${t - 1} and ${t}, over maxStep ${s.maxStep}`);
        }
        v += diff;
      }
    }
    variation += (s.weight ?? 1) * v;
  }
  if (budget !== void 0 && resource > budget + 1e-9 * Math.max(1, budget)) return fail(`the plans use ${resource} in all, over the budget ${budget}`);
  const objective = budget === void 0 ? resource + alpha * variation : variation;
  if (!near(resource, solution.resource)) return fail(`resource is ${solution.resource}, recomputed ${resource}`);
  if (!near(variation, solution.variation)) return fail(`variation is ${solution.variation}, recomputed ${variation}`);
  if (!near(objective, solution.objective)) return fail(`objective is ${solution.objective}, recomputed ${objective}`);
  return { valid: true, reason: "ok", objective };
}
function leastResource(scen) {
  let total = 0;
  for (const s of scen) {
    const d = Array.from(s.demand ?? []);
    const h = d.map((x) => Math.ceil(x));
    if (s.maxStep !== void 0) {
      for (let t = 1; t < h.length; t++) h[t] = Math.max(h[t], h[t - 1] - s.maxStep);
      for (let t = h.length - 2; t >= 0; t--) h[t] = Math.max(h[t], h[t + 1] - s.maxStep);
    }
    for (const x of h) total += x;
  }
  return total;
}

// src/problems/smoothing/index.ts
var smoothing = defineProblem({
  name: "smoothing",
  title: "capacity plans that cover demand, cost little and change little (also under a budget)",
  schema: SmoothingInstance,
  solve: (instance3) => smooth(instance3),
  check: checkSmoothing
});

// src/problems/knapsack/check.ts
var TOL2 = 1e-9;
var near2 = (a, b) => Math.abs(a - b) <= TOL2 * Math.max(1, Math.abs(a), Math.abs(b));
function checkKnapsack(instance3, solution) {
  const fail = (reason) => ({ valid: false, reason });
  if (!solution || solution.problem !== "knapsack") return fail('solution.problem is not "knapsack"');
  if (solution.status !== "optimal") return fail(`solution.status is "${solution.status}", expected "optimal"`);
  const items = Array.isArray(instance3?.items) ? instance3.items : [];
  const capacity = instance3?.capacity;
  if (typeof capacity !== "number") return fail("instance.capacity is not a number");
  const byName = /* @__PURE__ */ new Map();
  items.forEach((it, i) => byName.set(it?.name ?? String(i), it));
  if (!Array.isArray(solution.take)) return fail("solution.take is not an array");
  const seen = /* @__PURE__ */ new Set();
  let value = 0;
  let used = 0;
  for (let k2 = 0; k2 < solution.take.length; k2++) {
    const e = solution.take[k2];
    const name = e?.name;
    const it = byName.get(name);
    if (it === void 0) return fail(`take[${k2}].name "${name}" is not an item of the instance`);
    if (seen.has(name)) return fail(`take[${k2}].name "${name}" appears twice`);
    seen.add(name);
    const c = e.count;
    if (typeof c !== "number" || !Number.isInteger(c) || c < 1) return fail(`take[${k2}].count = ${c} is not an integer >= 1`);
    const copies = it.copies ?? 1;
    if (c > copies) return fail(`take[${k2}].count = ${c} exceeds the ${copies} copies of "${name}"`);
    value += c * it.value;
    used += c * it.size;
  }
  if (used > capacity) return fail(`used size ${used} exceeds capacity ${capacity}`);
  if (solution.used !== used) return fail(`used is ${solution.used}, recomputed ${used}`);
  if (!near2(value, solution.value)) return fail(`value is ${solution.value}, recomputed ${value}`);
  return { valid: true, reason: "ok", objective: value };
}

// src/problems/knapsack/index.ts
var knapsack2 = defineProblem({
  name: "knapsack",
  title: "exact bounded knapsack: the most value within a capacity",
  schema: KnapsackInstance,
  solve: (instance3) => knapsack(instance3),
  check: checkKnapsack
});

// src/problems/deployment/schema.ts
var DEPLOYMENT_MAX_VALUE = 1e12;
var DEPLOYMENT_MAX_PARTS = 2147483647;
var DEPLOYMENT_ALGORITHMS = [
  "guess-and-pack:worst-fit",
  "guess-and-pack:best-fit",
  "guess-and-pack:first-fit",
  "pack-and-adapt:worst-fit",
  "pack-and-adapt:best-fit",
  "pack-and-adapt:first-fit",
  "merge-and-split",
  "spread-wfd"
];
var DEFAULT_DEPLOYMENT_ALGORITHM = "guess-and-pack:worst-fit";
var DeploymentItem = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, errorMessage: "must be a non-empty string", description: "Service name; defaults to its index." })),
    size: Type.Number({ exclusiveMinimum: 0, maximum: DEPLOYMENT_MAX_VALUE, errorMessage: "must be a finite number > 0 (at most 1e12)", description: "Total size of the service (e.g. CPU cores; may be fractional)." }),
    minParts: Type.Optional(Type.Integer({ minimum: 1, maximum: DEPLOYMENT_MAX_PARTS, errorMessage: "must be an integer >= 1", description: "Fewest parts (default 2)." })),
    maxParts: Type.Optional(Type.Integer({ minimum: 1, maximum: DEPLOYMENT_MAX_PARTS, errorMessage: "must be an integer >= 1", description: "Most parts (default unbounded)." })),
    parts: Type.Optional(Type.Integer({ minimum: 1, maximum: DEPLOYMENT_MAX_PARTS, errorMessage: "must be an integer >= 1", description: "Given part count (replicas), used by spread-wfd." }))
  },
  { additionalProperties: false, errorMessage: "must be an object" }
);
var DeploymentBin = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, errorMessage: "must be a non-empty string", description: 'Machine name; defaults to "bin-<index>".' })),
    free: Type.Number({ minimum: 0, maximum: DEPLOYMENT_MAX_VALUE, errorMessage: "must be a finite number >= 0 (at most 1e12)", description: "Free capacity." })
  },
  { additionalProperties: false, errorMessage: "must be an object" }
);
var DeploymentInstance = Type.Object(
  {
    problem: Type.Literal("deployment"),
    binCapacity: Type.Number({ exclusiveMinimum: 0, maximum: DEPLOYMENT_MAX_VALUE, errorMessage: "must be a finite number > 0 (at most 1e12)", description: "Capacity of a new machine." }),
    bins: Type.Optional(Type.Array(DeploymentBin, { errorMessage: "must be an array of bins", description: "Partly used machines (default none)." })),
    items: Type.Array(DeploymentItem, { errorMessage: "must be an array of items" }),
    algorithm: Type.Optional(
      Type.Union(DEPLOYMENT_ALGORITHMS.map((a) => Type.Literal(a)), {
        errorMessage: `must be one of ${DEPLOYMENT_ALGORITHMS.map((a) => `"${a}"`).join(", ")}`,
        description: `Default "${DEFAULT_DEPLOYMENT_ALGORITHM}".`
      })
    )
  },
  { additionalProperties: false, errorMessage: "must be an object", $id: "greenplan/deployment" }
);

// src/problems/deployment/model.ts
var UNBOUNDED_PARTS = 2147483647;
function fewestParts(w, cap, eps, lo) {
  let k2 = Math.max(lo, Math.ceil(w / (cap + eps)));
  if (k2 > UNBOUNDED_PARTS) return k2;
  while (k2 > lo && w / (k2 - 1) <= cap + eps) k2--;
  while (w / k2 > cap + eps) k2++;
  return k2;
}
function toModel(inst2) {
  const items = inst2.items;
  const bins = inst2.bins ?? [];
  const n = items.length;
  const m = bins.length;
  const C = inst2.binCapacity;
  let big = C;
  for (const b of bins) big = Math.max(big, b.free);
  const eps = 1e-9 * Math.max(1, big);
  const w = new Float64Array(n);
  const minP = new Int32Array(n);
  const maxP = new Int32Array(n);
  const given = new Int32Array(n);
  const kNew = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const it = items[i];
    w[i] = it.size;
    minP[i] = it.minParts ?? 2;
    maxP[i] = it.maxParts ?? UNBOUNDED_PARTS;
    given[i] = it.parts ?? 0;
    const k2 = fewestParts(it.size, C, eps, minP[i]);
    kNew[i] = k2 <= maxP[i] ? k2 : 0;
  }
  const free = new Float64Array(m);
  for (let j = 0; j < m; j++) free[j] = bins[j].free;
  return { n, m, C, eps, w, minP, maxP, given, free, kNew };
}
function sortedFreeDesc(model) {
  return Float64Array.from(model.free).sort().reverse();
}
function countAtLeast(desc, t) {
  let lo = 0;
  let hi = desc.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (desc[mid] >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/problems/deployment/lower-bound.ts
function perItem(model, desc, i) {
  const { w, minP, maxP, kNew, eps, m } = model;
  const wi = w[i];
  const lo = minP[i];
  const hi = maxP[i];
  const kn = kNew[i];
  let fewest = 0;
  let needNew = Infinity;
  const partlyOnly = Math.min(hi, m, kn ? kn - 1 : Infinity);
  for (let k2 = lo; k2 <= partlyOnly; k2++) {
    if (countAtLeast(desc, wi / k2 - eps) >= k2) {
      fewest = k2;
      needNew = 0;
      break;
    }
  }
  if (!fewest && kn) {
    fewest = kn;
    const last = Math.min(hi, kn + m);
    for (let k2 = kn; k2 <= last; k2++) {
      if (k2 - m >= needNew) break;
      needNew = Math.min(needNew, k2 - Math.min(k2, countAtLeast(desc, wi / k2 - eps)));
      if (needNew === 0) break;
    }
  }
  return { k: fewest, needNew: fewest ? needNew : Infinity };
}
function lowerBound(model) {
  const { n, m, C, eps, w, minP, maxP } = model;
  const desc = sortedFreeDesc(model);
  const minParts = new Int32Array(n);
  let parts = 0;
  let best = 0;
  let infeasibleItem = -1;
  for (let i = 0; i < n; i++) {
    const r = perItem(model, desc, i);
    minParts[i] = r.k;
    parts += r.k;
    if (!r.k) {
      if (infeasibleItem < 0) infeasibleItem = i;
      continue;
    }
    if (r.needNew > best) best = r.needNew;
  }
  if (infeasibleItem >= 0) return { newBins: 0, parts, minParts, infeasibleItem };
  const a = new Float64Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = w[i] / minP[i];
    s[i] = w[i] / maxP[i];
  }
  const bySize = Array.from({ length: n }, (_, i) => i).sort((x, y) => w[y] - w[x] || x - y);
  const bySmallest = Array.from({ length: n }, (_, i) => i).sort((x, y) => s[x] - s[y] || x - y);
  const asc = Float64Array.from(desc).reverse();
  const member = new Uint8Array(n);
  const sizes = [];
  for (let t = 1; t <= Math.min(n, 16); t++) sizes.push(t);
  for (let t = 32; t < n; t *= 2) sizes.push(t);
  if (n > 16) sizes.push(n);
  let prev = 0;
  for (const t of sizes) {
    let WA = 0;
    for (let q = prev; q < t; q++) member[bySize[q]] = 1;
    prev = t;
    for (let q = 0; q < t; q++) WA += w[bySize[q]];
    let PA = 0;
    let SA = 0;
    let p = 0;
    for (let j = 0; j < m; j++) {
      const c = asc[j];
      while (p < n && s[bySmallest[p]] <= c + eps) {
        if (member[bySmallest[p]]) SA += a[bySmallest[p]];
        p++;
      }
      PA += Math.min(c, SA);
    }
    let SC = 0;
    for (let q = 0; q < t; q++) {
      const i = bySize[q];
      if (s[i] <= C + eps) SC += a[i];
    }
    const g = Math.min(C, SC);
    const rest = WA - PA;
    if (rest > eps * Math.max(1, t) && g > 0) {
      const N = Math.ceil(rest / g - 1e-9);
      if (N > best) best = N;
    }
  }
  best = refineSmall(model, desc, best);
  return { newBins: best, parts, minParts, infeasibleItem };
}
var REFINE_MAX_ITEMS = 30;
var REFINE_BUDGET = 5e4;
function maxLoad(w, minP, kHi, order, cap, eps, budget) {
  const n = order.length;
  if (budget.nodes <= 0) return cap;
  const top = order.map((i) => {
    const k2 = Math.max(minP[i], Math.ceil(w[i] / (cap + eps) - 1e-12));
    return k2 <= kHi[i] ? w[i] / k2 : 0;
  });
  const suffix = new Float64Array(n + 1);
  for (let q = n - 1; q >= 0; q--) suffix[q] = suffix[q + 1] + top[q];
  let best = 0;
  let exhausted = false;
  const dfs = (q, load) => {
    if (load > best) best = load;
    if (q === n || best >= cap - eps || exhausted) return;
    if (--budget.nodes < 0) {
      exhausted = true;
      return;
    }
    if (Math.min(cap, load + suffix[q]) <= best) return;
    const i = order[q];
    const room = cap + eps - load;
    for (let k2 = Math.max(minP[i], Math.ceil(w[i] / room - 1e-12)); k2 <= kHi[i]; k2++) {
      if (best >= cap - eps) return;
      if (--budget.nodes < 0) {
        exhausted = true;
        return;
      }
      const part = w[i] / k2;
      if (part > room) continue;
      if (load + part + suffix[q + 1] <= best) break;
      dfs(q + 1, load + part);
      if (exhausted) return;
    }
    dfs(q + 1, load);
  };
  dfs(0, 0);
  return exhausted ? cap : Math.min(cap, best);
}
function refineSmall(model, desc, start) {
  const { n, m, C, eps, w, minP, maxP } = model;
  if (n === 0 || n > REFINE_MAX_ITEMS) return start;
  let W = 0;
  for (let i = 0; i < n; i++) W += w[i];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => w[b] - w[a] || a - b);
  let N = start;
  const budget = { nodes: REFINE_BUDGET };
  for (let step = 0; step < 16; step++) {
    const kHi = new Int32Array(n);
    let splittable = true;
    for (let i = 0; i < n; i++) {
      kHi[i] = Math.min(maxP[i], m + N);
      if (kHi[i] < minP[i]) splittable = false;
    }
    if (splittable) {
      let total = N * maxLoad(w, minP, kHi, order, C, eps, budget);
      const seen = /* @__PURE__ */ new Map();
      for (let j = 0; j < m; j++) {
        const c = desc[j];
        let v = seen.get(c);
        if (v === void 0) seen.set(c, v = maxLoad(w, minP, kHi, order, c, eps, budget));
        total += v;
      }
      if (total >= W - 1e-9 * Math.max(1, W)) return N;
    }
    N++;
  }
  return start;
}

// src/problems/deployment/pack.ts
var RULE_CODE = { "first-fit": DEPLOY_FIRST_FIT, "best-fit": DEPLOY_BEST_FIT, "worst-fit": DEPLOY_WORST_FIT };
var DEPLOYMENT_MAX_MACHINES = 2 ** 26;
function tooManyMachines(count) {
  return new GreenplanError("out-of-memory", `deployment: the instance needs up to ${count} machines, over the ${DEPLOYMENT_MAX_MACHINES} the solver handles`);
}
function pack(k2, p) {
  const n = p.w.length;
  const m = p.res0.length;
  const B = m + p.nNew;
  if (B > DEPLOYMENT_MAX_MACHINES) throw tooManyMachines(B);
  let segP = 1;
  while (segP < B) segP *= 2;
  let partsCap = 4 * n + 64;
  for (; ; ) {
    const lay = new Layout();
    const oOrder = lay.take(n, 4);
    const oKmin = lay.take(n, 4);
    const oKmax = lay.take(n, 4);
    const oKNew = lay.take(n, 4);
    const oW = lay.take(n, 8);
    const oRes0 = lay.take(m, 8);
    const oRes = lay.take(B, 8);
    const oSorted = lay.take(B, 4);
    const oSeg = lay.take(p.rule === "first-fit" ? 2 * segP : 0, 8);
    const oTmp = lay.take(B, 4);
    const oTpos = lay.take(B, 4);
    const oK = lay.take(n, 4);
    const oStart = lay.take(n, 4);
    const oBins = lay.take(partsCap, 4);
    const oInfo = lay.take(4, 4);
    const oArgs = lay.take(DEPLOY_PACK_ARGS_BYTES, 1);
    const base = lay.reserve(k2, "deployment");
    const buf = k2.memory.buffer;
    new Int32Array(buf, base + oOrder, n).set(p.order);
    new Int32Array(buf, base + oKmin, n).set(p.kmin);
    new Int32Array(buf, base + oKmax, n).set(p.kmax);
    new Int32Array(buf, base + oKNew, n).set(p.kNew);
    new Float64Array(buf, base + oW, n).set(p.w);
    new Float64Array(buf, base + oRes0, m).set(p.res0);
    writeDeployPackArgs(k2.memory, base + oArgs, {
      n,
      order: base + oOrder,
      w: base + oW,
      kmin: base + oKmin,
      kmax: base + oKmax,
      kNew: base + oKNew,
      m,
      res0: base + oRes0,
      nNew: p.nNew,
      cap: p.cap,
      rule: RULE_CODE[p.rule],
      adapt: p.adapt ? 1 : 0,
      eps: p.eps,
      res: base + oRes,
      sorted: base + oSorted,
      seg: base + oSeg,
      segP,
      tmp: base + oTmp,
      tpos: base + oTpos,
      outK: base + oK,
      outStart: base + oStart,
      outBins: base + oBins,
      partsCap,
      info: base + oInfo
    });
    const status = k2.deployPack(base + oArgs);
    const mem = k2.memory.buffer;
    const info = new Int32Array(mem, base + oInfo, 4).slice();
    if (status === TOO_LARGE) {
      if (partsCap >= 2 ** 28) throw new GreenplanError("out-of-memory", "deployment: more than 2^28 parts");
      partsCap = Math.min(2 ** 28, partsCap * 4);
      continue;
    }
    if (status === INFEASIBLE) return { ok: false, item: info[0] };
    if (status !== OK) throw statusError(status, "deployment");
    const parts = info[1];
    return {
      ok: true,
      placement: {
        k: new Int32Array(mem, base + oK, n).slice(),
        start: new Int32Array(mem, base + oStart, n).slice(),
        bins: new Int32Array(mem, base + oBins, parts).slice(),
        parts,
        newBins: info[2]
      }
    };
  }
}
function reduceParts(k2, p, order, w, kmin, free, cap, eps) {
  const n = w.length;
  const m = free.length;
  const compact = /* @__PURE__ */ new Map();
  const back = [];
  for (let j = 0; j < m; j++) back.push(j);
  const res0 = Array.from(free);
  for (let q = 0; q < p.bins.length; q++) {
    const b = p.bins[q];
    if (b >= m && !compact.has(b)) {
      compact.set(b, back.length);
      back.push(b);
      res0.push(cap);
    }
  }
  const B = back.length;
  const bins = new Int32Array(p.bins.length);
  for (let i = 0; i < n; i++) {
    const s = w[i] / p.k[i];
    for (let t = 0; t < p.k[i]; t++) {
      const q = p.start[i] + t;
      const b = p.bins[q];
      const c = b < m ? b : compact.get(b);
      bins[q] = c;
      res0[c] = res0[c] - s;
    }
  }
  const lay = new Layout();
  const oOrder = lay.take(n, 4);
  const oW = lay.take(n, 8);
  const oKmin = lay.take(n, 4);
  const oRes0 = lay.take(B, 8);
  const oRes = lay.take(B, 8);
  const oSorted = lay.take(B, 4);
  const oTmp = lay.take(B, 4);
  const oTpos = lay.take(B, 4);
  const oK = lay.take(n, 4);
  const oStart = lay.take(n, 4);
  const oBins = lay.take(bins.length, 4);
  const base = lay.reserve(k2, "deployment");
  const buf = k2.memory.buffer;
  new Int32Array(buf, base + oOrder, n).set(order);
  new Float64Array(buf, base + oW, n).set(w);
  new Int32Array(buf, base + oKmin, n).set(kmin);
  new Float64Array(buf, base + oRes0, B).set(res0);
  new Int32Array(buf, base + oK, n).set(p.k);
  new Int32Array(buf, base + oStart, n).set(p.start);
  new Int32Array(buf, base + oBins, bins.length).set(bins);
  const status = k2.deployReduce({
    n,
    order: base + oOrder,
    w: base + oW,
    kmin: base + oKmin,
    m: B,
    res0: base + oRes0,
    eps,
    res: base + oRes,
    sorted: base + oSorted,
    tmp: base + oTmp,
    tpos: base + oTpos,
    outK: base + oK,
    outStart: base + oStart,
    outBins: base + oBins
  });
  if (status !== OK) throw statusError(status, "deployment (part reduction)");
  const mem = k2.memory.buffer;
  const kNew = new Int32Array(mem, base + oK, n).slice();
  const slots = new Int32Array(mem, base + oBins, bins.length);
  let parts = 0;
  for (let i = 0; i < n; i++) parts += kNew[i];
  const start = new Int32Array(n);
  const out = new Int32Array(parts);
  const used = /* @__PURE__ */ new Set();
  let at = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    for (let t = 0; t < kNew[i]; t++) {
      const b = back[slots[p.start[i] + t]];
      out[at++] = b;
      if (b >= m) used.add(b);
    }
  }
  return { k: kNew, start, bins: out, parts, newBins: used.size };
}

// src/problems/deployment/algorithms.ts
function decreasingOrder(model, sizeOf = (i) => model.w[i]) {
  const idx = Array.from({ length: model.n }, (_, i) => i);
  idx.sort((a, b) => (model.kNew[a] === 0 ? 0 : 1) - (model.kNew[b] === 0 ? 0 : 1) || sizeOf(b) - sizeOf(a) || a - b);
  return Int32Array.from(idx);
}
function safeNewBins(kNew) {
  let s = 0;
  for (let i = 0; i < kNew.length; i++) s += kNew[i];
  return Math.max(s, 1);
}
function searchN(lo, hi, tryN) {
  let r = tryN(lo);
  if (r.ok) return r;
  let failed = lo;
  let step = 1;
  let found;
  let foundN = hi;
  while (!found) {
    const N = Math.min(lo + step, hi);
    const t = tryN(N);
    if (t.ok) {
      found = t;
      foundN = N;
    } else {
      failed = N;
      r = t;
      if (N >= hi) return t;
    }
    step *= 2;
  }
  while (foundN - failed > 1) {
    const mid = Math.floor((failed + foundN) / 2);
    const t = tryN(mid);
    if (t.ok) {
      found = t;
      foundN = mid;
    } else failed = mid;
  }
  return found;
}
var GP_TARGETS = [1, 0.75, 0.6, 0.5, 0.4, 0.3, 0.2];
function kminForTarget(model, target) {
  const out = new Int32Array(model.n);
  for (let i = 0; i < model.n; i++) {
    const k2 = Math.max(model.minP[i], Math.ceil(model.w[i] / target - 1e-9));
    out[i] = Math.min(k2, model.maxP[i]);
  }
  return out;
}
function guessAndPack(k2, model, lb, rule, targets = GP_TARGETS) {
  const variants = targets.map((f) => {
    const kmin = kminForTarget(model, f * model.C);
    const order = decreasingOrder(model, (i) => model.w[i] / kmin[i]);
    return { kmin, order };
  });
  const tryN = (N) => {
    let first;
    for (const { kmin, order } of variants) {
      const r = pack(k2, { order, w: model.w, kmin, kmax: model.maxP, kNew: model.kNew, res0: model.free, nNew: N, cap: model.C, rule, adapt: false, eps: model.eps });
      if (r.ok) return r;
      first ??= r;
    }
    return first;
  };
  const hi = Math.max(lb.newBins, safeNewBins(model.kNew));
  return reduced(k2, model, searchN(lb.newBins, hi, tryN));
}
function reduced(k2, model, r) {
  if (!r.ok) return r;
  const order = decreasingOrder(model);
  return { ok: true, placement: reduceParts(k2, r.placement, order, model.w, model.minP, model.free, model.C, model.eps) };
}
function packAndAdapt(k2, model, rule, opts = {}) {
  const order = decreasingOrder(model);
  const r = pack(k2, { order, w: model.w, kmin: model.minP, kmax: model.maxP, kNew: model.kNew, res0: model.free, nNew: safeNewBins(model.kNew), cap: model.C, rule, adapt: true, eps: model.eps });
  return opts.reduce === false ? r : reduced(k2, model, r);
}
function mergeSplitK(model, W, lo, hi) {
  const desc = sortedFreeDesc(model);
  const { C, eps, m } = model;
  let best;
  const last = Math.min(hi, lo + m + Math.ceil(W / C) + 1);
  if (last - lo > DEPLOYMENT_MAX_MACHINES) throw tooManyMachines(last);
  for (let k2 = lo; k2 <= last; k2++) {
    const s = W / k2;
    const fromFree = Math.min(k2, countAtLeast(desc, s - eps));
    if (fromFree < k2 && s > C + eps) continue;
    const newBins = k2 - fromFree;
    if (!best || newBins < best.newBins) best = { k: k2, fromFree, newBins };
    if (newBins === 0) break;
  }
  return best;
}
function mergeAndSplit(k2, model) {
  const { n, m, w, minP, maxP } = model;
  if (n === 0) return { ok: true, placement: { k: new Int32Array(0), start: new Int32Array(0), bins: new Int32Array(0), parts: 0, newBins: 0 } };
  let W = 0;
  let lo = 1;
  let hi = 1;
  for (let i = 0; i < n; i++) {
    W += w[i];
    lo = Math.max(lo, minP[i]);
    hi = Math.max(hi, maxP[i]);
  }
  let choice = mergeSplitK(model, W, lo, hi);
  const inGroup = new Uint8Array(n);
  let group = 0;
  let Wg = 0;
  if (choice) {
    for (let i = 0; i < n; i++) {
      if (minP[i] <= choice.k && choice.k <= maxP[i]) {
        inGroup[i] = 1;
        group++;
        Wg += w[i];
      }
    }
    if (group < n) {
      let glo = 1;
      let ghi = UNBOUNDED_PARTS;
      for (let i = 0; i < n; i++) if (inGroup[i]) {
        glo = Math.max(glo, minP[i]);
        ghi = Math.min(ghi, maxP[i]);
      }
      choice = mergeSplitK(model, Wg, glo, ghi) ?? choice;
    }
  }
  const K = choice?.k ?? 0;
  const machines = new Int32Array(K);
  const res = new Float64Array(m + (choice?.newBins ?? 0));
  res.set(model.free);
  for (let t = m; t < res.length; t++) res[t] = model.C;
  if (choice) {
    const byFree = Array.from({ length: m }, (_, j) => j).sort((a, b) => model.free[b] - model.free[a] || a - b);
    for (let t = 0; t < choice.fromFree; t++) machines[t] = byFree[t];
    for (let t = choice.fromFree; t < K; t++) machines[t] = m + (t - choice.fromFree);
    const load = Wg / K;
    for (let t = 0; t < K; t++) res[machines[t]] = res[machines[t]] - load;
  }
  const kArr = new Int32Array(n);
  const start = new Int32Array(n);
  const groupParts = group * K;
  const leftover = [];
  for (let i = 0; i < n; i++) if (!inGroup[i]) leftover.push(i);
  let extra;
  if (leftover.length) {
    const sub = {
      ...model,
      n: leftover.length,
      m: res.length,
      w: Float64Array.from(leftover, (i) => w[i]),
      minP: Int32Array.from(leftover, (i) => minP[i]),
      maxP: Int32Array.from(leftover, (i) => maxP[i]),
      given: Int32Array.from(leftover, (i) => model.given[i]),
      kNew: Int32Array.from(leftover, (i) => model.kNew[i]),
      free: Float64Array.from(res, (r2) => Math.max(0, r2))
    };
    const r = packAndAdapt(k2, sub, "worst-fit", { reduce: false });
    if (!r.ok) return { ok: false, item: leftover[r.item] };
    extra = r.placement;
  }
  const parts = groupParts + (extra?.parts ?? 0);
  const bins = new Int32Array(parts);
  let at = 0;
  for (let i = 0; i < n; i++) {
    if (!inGroup[i]) continue;
    kArr[i] = K;
    start[i] = at;
    bins.set(machines, at);
    at += K;
  }
  if (extra) {
    leftover.forEach((i, q) => {
      kArr[i] = extra.k[q];
      start[i] = at;
      for (let t = 0; t < kArr[i]; t++) bins[at + t] = extra.bins[extra.start[q] + t];
      at += kArr[i];
    });
  }
  return { ok: true, placement: { k: kArr, start, bins, parts, newBins: countNew(bins, m) } };
}
function countNew(bins, m) {
  const seen = /* @__PURE__ */ new Set();
  for (let q = 0; q < bins.length; q++) if (bins[q] >= m) seen.add(bins[q]);
  return seen.size;
}
function spreadWfd(k2, model, lb, parts) {
  const { n, C, eps } = model;
  const kNew = new Int32Array(n);
  for (let i = 0; i < n; i++) kNew[i] = model.w[i] / parts[i] <= C + eps ? parts[i] : 0;
  const fixed = { ...model, kNew };
  const order = decreasingOrder(fixed);
  const ff = pack(k2, { order, w: model.w, kmin: parts, kmax: parts, kNew, res0: model.free, nNew: safeNewBins(kNew), cap: C, rule: "first-fit", adapt: true, eps });
  if (!ff.ok) return ff;
  const ub = ff.placement.newBins;
  let best = ff;
  let lo = lb.newBins;
  let hi = ub;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const r = pack(k2, { order, w: model.w, kmin: parts, kmax: parts, kNew, res0: model.free, nNew: mid, cap: C, rule: "worst-fit", adapt: false, eps });
    if (r.ok) {
      best = r;
      hi = mid;
    } else lo = mid + 1;
  }
  return best;
}

// src/problems/deployment/solve.ts
var validator3 = new Validator(DeploymentInstance);
var DEPLOYMENT_MAX_OUTPUT_PARTS = 2 ** 24;
var DEPLOYMENT_MAX_MIN_PARTS = 2 ** 20;
function validateDeployment(input) {
  validator3.assert(input);
  const inst2 = input;
  uniqueNames("items", inst2.items.map((it, i) => it.name ?? String(i)));
  inst2.items.forEach((it, i) => {
    const lo = it.minParts ?? 2;
    if (it.maxParts !== void 0 && it.maxParts < lo) throw new ValidationError(`items[${i}].maxParts`, `must be >= minParts (${lo})`);
    if (it.parts !== void 0 && (it.parts < lo || it.maxParts !== void 0 && it.parts > it.maxParts)) {
      throw new ValidationError(`items[${i}].parts`, `must be within minParts..maxParts (${lo}..${it.maxParts ?? "unbounded"})`);
    }
  });
  let room = inst2.binCapacity;
  for (const b of inst2.bins ?? []) room = Math.max(room, b.free);
  let total = 0;
  inst2.items.forEach((it, i) => {
    const least = Math.max(it.minParts ?? 2, Math.ceil(it.size / room - 1e-9));
    if (least > DEPLOYMENT_MAX_MIN_PARTS) {
      throw new ValidationError(`items[${i}].size`, `needs at least ${least} parts (no machine holds more than ${room}), over the ${DEPLOYMENT_MAX_MIN_PARTS} parts one instance may need`);
    }
    total += least;
    if (total > DEPLOYMENT_MAX_MIN_PARTS) {
      throw new ValidationError("items", `need at least ${total} parts in all (up to items[${i}]), over the ${DEPLOYMENT_MAX_MIN_PARTS} parts one instance may need`);
    }
  });
  const binNames = (inst2.bins ?? []).map((b, j) => b.name ?? `bin-${j}`);
  binNames.forEach((name, j) => {
    if (/^new-\d+$/.test(name)) throw new ValidationError(`bins[${j}].name`, `"${name}" is reserved for new machines`);
  });
  uniqueNames("bins", binNames);
}
function partsOf(r) {
  return r.ok ? r.placement.k : void 0;
}
function runDeployment(k2, inst2, algorithm, opts = {}) {
  const model = toModel(inst2);
  const lb = lowerBound(model);
  const names = inst2.items.map((it, i) => it.name ?? String(i));
  if (lb.infeasibleItem >= 0) {
    const i = lb.infeasibleItem;
    const it = inst2.items[i];
    return {
      model,
      lowerBound: lb,
      algorithm,
      result: {
        ok: false,
        item: i,
        reason: `service "${names[i]}" (items[${i}], size ${it.size}) cannot be split into ${it.minParts ?? 2}..${it.maxParts ?? "any number of"} equal parts that fit: a new machine holds ${inst2.binCapacity} and too few partly used machines hold a part`
      }
    };
  }
  let result;
  if (algorithm === "merge-and-split") result = mergeAndSplit(k2, model);
  else if (algorithm === "spread-wfd") {
    let parts = opts.parts;
    if (!parts) {
      parts = Int32Array.from(model.given);
      if (parts.some((p) => p === 0)) {
        const gp = partsOf(guessAndPack(k2, model, lb, "worst-fit"));
        for (let i = 0; i < model.n; i++) if (parts[i] === 0) parts[i] = gp ? gp[i] : model.kNew[i] || lb.minParts[i];
      }
    }
    const desc = sortedFreeDesc(model);
    for (let i = 0; i < model.n; i++) {
      const s = model.w[i] / parts[i];
      if (s > model.C + model.eps && countAtLeast(desc, s - model.eps) < parts[i]) {
        return {
          model,
          lowerBound: lb,
          algorithm,
          result: { ok: false, item: i, reason: `service "${names[i]}" (items[${i}]) cannot be placed with its ${parts[i]} parts of ${s}: they fit neither a new machine (${model.C}) nor ${parts[i]} partly used machines` }
        };
      }
    }
    result = spreadWfd(k2, model, lb, parts);
  } else {
    const [family, rule] = algorithm.split(":");
    result = family === "guess-and-pack" ? guessAndPack(k2, model, lb, rule) : packAndAdapt(k2, model, rule);
  }
  if (!result.ok) {
    const i = result.item;
    return {
      model,
      lowerBound: lb,
      algorithm,
      result: { ok: false, item: i, reason: `service "${names[i]}" (items[${i}]) found no place: ${algorithm} could not fit it on the partly used machines left (it cannot use a new machine)` }
    };
  }
  return { model, lowerBound: lb, algorithm, result };
}
async function deploy(instance3) {
  validateDeployment(instance3);
  const k2 = await kernels();
  const algorithm = instance3.algorithm ?? DEFAULT_DEPLOYMENT_ALGORITHM;
  return deploymentSolution(instance3, runDeployment(k2, instance3, algorithm));
}
function deploymentSolution(instance3, run) {
  const lb = run.lowerBound;
  const algorithm = run.algorithm;
  if (!run.result.ok) {
    return {
      problem: "deployment",
      status: "infeasible",
      algorithm,
      newBins: 0,
      parts: 0,
      lowerBound: lb.newBins,
      items: [],
      reason: "reason" in run.result ? run.result.reason : `service items[${run.result.item}] found no place`
    };
  }
  const p = run.result.placement;
  if (p.parts > DEPLOYMENT_MAX_OUTPUT_PARTS) {
    throw new GreenplanError("out-of-memory", `deployment: ${algorithm} cuts the services into ${p.parts} parts, over the ${DEPLOYMENT_MAX_OUTPUT_PARTS} a solution may list`);
  }
  const m = run.model.m;
  const binNames = (instance3.bins ?? []).map((b, j) => b.name ?? `bin-${j}`);
  const used = /* @__PURE__ */ new Set();
  for (let q = 0; q < p.bins.length; q++) if (p.bins[q] >= m) used.add(p.bins[q]);
  const newName = /* @__PURE__ */ new Map();
  [...used].sort((a, b) => a - b).forEach((b, t) => newName.set(b, `new-${t + 1}`));
  const items = instance3.items.map((it, i) => {
    const kk = p.k[i];
    const bins = new Array(kk);
    for (let t = 0; t < kk; t++) {
      const b = p.bins[p.start[i] + t];
      bins[t] = b < m ? binNames[b] : newName.get(b);
    }
    return { name: it.name ?? String(i), parts: kk, partSize: it.size / kk, bins };
  });
  const newBins = used.size;
  const optimal = newBins === lb.newBins && p.parts === lb.parts;
  return { problem: "deployment", status: optimal ? "optimal" : "feasible", algorithm, newBins, parts: p.parts, lowerBound: lb.newBins, items };
}

// src/problems/deployment/check.ts
var TOL3 = 1e-7;
function checkDeployment(instance3, solution) {
  const fail = (reason) => ({ valid: false, reason });
  if (!solution || solution.problem !== "deployment") return fail('solution.problem is not "deployment"');
  if (solution.status === "infeasible") return fail(`solution.status is "infeasible" (${solution.reason ?? "no reason"}): no placement to verify`);
  if (solution.status !== "feasible" && solution.status !== "optimal") return fail(`solution.status is "${solution.status}"`);
  const C = instance3?.binCapacity;
  if (typeof C !== "number" || !(C > 0)) return fail("instance.binCapacity is not a number > 0");
  const items = Array.isArray(instance3?.items) ? instance3.items : [];
  const bins = Array.isArray(instance3?.bins) ? instance3.bins : [];
  const newBins = solution.newBins;
  if (typeof newBins !== "number" || !Number.isInteger(newBins) || newBins < 0) return fail(`newBins = ${newBins} is not an integer >= 0`);
  const cap = /* @__PURE__ */ new Map();
  bins.forEach((b, j) => cap.set(b?.name ?? `bin-${j}`, b?.free));
  for (let t = 1; t <= newBins; t++) {
    if (cap.has(`new-${t}`)) return fail(`instance bin "new-${t}" clashes with a new machine's name`);
    cap.set(`new-${t}`, C);
  }
  const load = /* @__PURE__ */ new Map();
  const sol = solution.items;
  if (!Array.isArray(sol) || sol.length !== items.length) return fail(`solution has ${sol?.length} items, instance has ${items.length}`);
  let parts = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const name = it?.name ?? String(i);
    const got = sol[i];
    if (got?.name !== name) return fail(`items[${i}].name is "${got?.name}", expected "${name}"`);
    const k2 = got.parts;
    const lo = it.minParts ?? 2;
    const hi = it.maxParts ?? Infinity;
    if (typeof k2 !== "number" || !Number.isInteger(k2) || k2 < lo || k2 > hi) return fail(`items[${i}].parts = ${k2} is not an integer in ${lo}..${hi}`);
    if (!Array.isArray(got.bins) || got.bins.length !== k2) return fail(`items[${i}].bins lists ${got.bins?.length} machines for ${k2} parts`);
    const part = it.size / k2;
    if (typeof got.partSize !== "number" || Math.abs(got.partSize - part) > TOL3 * Math.max(1, part)) return fail(`items[${i}].partSize = ${got.partSize}, expected ${it.size} / ${k2} = ${part}`);
    const here = /* @__PURE__ */ new Set();
    for (const b of got.bins) {
      if (!cap.has(b)) return fail(`items[${i}] ("${name}") uses machine "${b}", which is neither a bin of the instance nor new-1..new-${newBins}`);
      if (here.has(b)) return fail(`items[${i}] ("${name}") has two parts on machine "${b}"`);
      here.add(b);
      load.set(b, (load.get(b) ?? 0) + part);
    }
    parts += k2;
  }
  for (const [b, l] of load) {
    const c = cap.get(b);
    if (l > c + TOL3 * Math.max(1, c)) return fail(`machine "${b}" holds ${l}, over its capacity ${c}`);
  }
  for (let t = 1; t <= newBins; t++) if (!load.has(`new-${t}`)) return fail(`new machine "new-${t}" holds no part`);
  if (solution.parts !== parts) return fail(`parts is ${solution.parts}, recomputed ${parts}`);
  if (typeof solution.lowerBound !== "number" || solution.lowerBound > newBins) return fail(`lowerBound ${solution.lowerBound} is above newBins ${newBins}`);
  if (solution.status === "optimal" && solution.lowerBound !== newBins) return fail(`status "optimal" with newBins ${newBins} above lowerBound ${solution.lowerBound}`);
  return { valid: true, reason: "ok", objective: newBins };
}

// src/problems/deployment/index.ts
var deployment = defineProblem({
  name: "deployment",
  title: "services split into equal containers over partly used and new machines, fewest new machines",
  schema: DeploymentInstance,
  solve: (instance3) => deploy(instance3),
  check: checkDeployment
});

// src/problems/migration/schema.ts
var finiteNonNegative2 = "must be a finite number >= 0";
var MigrationMachine = Type.Object(
  {
    name: Type.String({ minLength: 1, errorMessage: "must be a non-empty string", description: "Unique machine name." }),
    cost: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12, errorMessage: `${finiteNonNegative2} (at most 1e12)`, description: "Cost of keeping the machine in use (default 1)." })),
    capacity: Type.Array(Type.Number({ minimum: 0, maximum: 1e15, errorMessage: `${finiteNonNegative2} (at most 1e15)` }), {
      errorMessage: "must be an array of finite numbers >= 0",
      description: "Capacity per resource, in the order of `resources`."
    })
  },
  { additionalProperties: false, errorMessage: "must be an object" }
);
var MigrationTask = Type.Object(
  {
    name: Type.String({ minLength: 1, errorMessage: "must be a non-empty string", description: "Unique task name." }),
    demand: Type.Array(Type.Number({ minimum: 0, maximum: 1e15, errorMessage: `${finiteNonNegative2} (at most 1e15)` }), {
      errorMessage: "must be an array of finite numbers >= 0",
      description: "Demand per resource, in the order of `resources`."
    }),
    machine: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()], { errorMessage: "must be a machine name or null", description: "Current machine; absent or null for a new task that must be placed." })),
    group: Type.Optional(Type.String({ minLength: 1, errorMessage: "must be a non-empty string", description: "Tasks of one group (replicas of a service) never share a machine." }))
  },
  { additionalProperties: false, errorMessage: "must be an object" }
);
var MigrationInstance = Type.Object(
  {
    problem: Type.Literal("migration"),
    resources: Type.Array(Type.String({ minLength: 1, errorMessage: "must be a non-empty string" }), {
      minItems: 1,
      maxItems: 16,
      errorMessage: "must be an array of 1 to 16 resource names",
      description: "Resource names (1 to 16)."
    }),
    alpha: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12, errorMessage: `${finiteNonNegative2} (at most 1e12)`, description: "Cost of one move (default 0)." })),
    maxParallel: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e9, errorMessage: "must be an integer >= 1", description: "Largest number of moves in one round (default 1)." })),
    target: Type.Optional(Type.Union([Type.Literal("heuristic"), Type.Literal("exact"), Type.Literal("auto")], {
      errorMessage: 'must be "heuristic", "exact" or "auto"',
      description: 'Stage 1: "exact" solves the grouped integer program with HiGHS (optional dependency `highs`) within timeLimitMs, falling back to the heuristics; "heuristic" uses the consolidation heuristics only; "auto" (default) is exact when the grouped model is small (integer variables \xD7 machines <= 2,000) and HiGHS is installed.'
    })),
    timeLimitMs: Type.Optional(Type.Number({ minimum: 1, maximum: 1e9, errorMessage: "must be a number of milliseconds >= 1", description: "Time limit of the exact target (default 10000 ms)." })),
    machines: Type.Array(MigrationMachine, { errorMessage: "must be an array of machines" }),
    tasks: Type.Array(MigrationTask, { errorMessage: "must be an array of tasks" })
  },
  { additionalProperties: false, errorMessage: "must be an object", $id: "greenplan/migration" }
);

// src/problems/migration/path.ts
var IntVec = class {
  a;
  len = 0;
  constructor(cap = 16) {
    this.a = new Int32Array(cap);
  }
  push(v) {
    if (this.len === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.len++] = v;
  }
};
function planPath(inp) {
  const { n, m, R, demand, capacity, grp, cur, maxParallel } = inp;
  const tgt = inp.tgt.slice();
  const P = Math.max(1, maxParallel);
  const pos = cur.slice();
  const load = new Float64Array(m * R);
  for (let t = 0; t < n; t++) {
    const j = pos[t];
    if (j < 0) continue;
    for (let r = 0; r < R; r++) load[j * R + r] += demand[t * R + r];
  }
  const tgtCount = new Int32Array(m);
  for (let t = 0; t < n; t++) if (tgt[t] >= 0) tgtCount[tgt[t]]++;
  const gcount = /* @__PURE__ */ new Map();
  const gkey = (g, j) => g * m + j;
  for (let t = 0; t < n; t++) {
    const g = grp[t];
    if (g >= 0 && pos[t] >= 0) gcount.set(gkey(g, pos[t]), (gcount.get(gkey(g, pos[t])) ?? 0) + 1);
  }
  const groupFree = (t, j) => {
    const g = grp[t];
    return g < 0 || !gcount.get(gkey(g, j));
  };
  const outT = new IntVec(1024);
  const outF = new IntVec(1024);
  const outTo = new IntVec(1024);
  const roundStart = [0];
  const queue = new IntVec(Math.max(16, n));
  let qHead = 0;
  const state = new Uint8Array(n);
  const waiting = new Array(m);
  let pending = 0;
  for (let t = 0; t < n; t++) {
    if (tgt[t] !== pos[t]) {
      pending++;
      queue.push(t);
      state[t] = 1;
    }
  }
  const release = (j) => {
    const w = waiting[j];
    if (!w || w.length === 0) return;
    for (const t of w) {
      if (state[t] === 2 && tgt[t] === j) {
        state[t] = 1;
        queue.push(t);
      }
    }
    waiting[j] = void 0;
  };
  const wait = (t) => {
    const b = tgt[t];
    (waiting[b] ??= []).push(t);
    state[t] = 2;
  };
  const add = new Float64Array(m * R);
  const touched = [];
  const roundGroups = /* @__PURE__ */ new Set();
  const fitsRound = (t, b) => {
    const bt = t * R;
    const bb = b * R;
    for (let r = 0; r < R; r++) if (load[bb + r] + add[bb + r] + demand[bt + r] > capacity[bb + r]) return false;
    return true;
  };
  const fitsNow = (t, b) => {
    const bt = t * R;
    const bb = b * R;
    for (let r = 0; r < R; r++) if (load[bb + r] + demand[bt + r] > capacity[bb + r]) return false;
    return true;
  };
  const execute = (t, b) => {
    const a = pos[t];
    const g = grp[t];
    if (a >= 0) {
      for (let r = 0; r < R; r++) load[a * R + r] -= demand[t * R + r];
      if (g >= 0) gcount.set(gkey(g, a), gcount.get(gkey(g, a)) - 1);
    }
    for (let r = 0; r < R; r++) load[b * R + r] += demand[t * R + r];
    if (g >= 0) gcount.set(gkey(g, b), (gcount.get(gkey(g, b)) ?? 0) + 1);
    pos[t] = b;
    outT.push(t);
    outF.push(a);
    outTo.push(b);
  };
  const closeRound = () => roundStart.push(outT.len);
  let parked = 0;
  let repaired = 0;
  let unplaced = 0;
  let reached = true;
  const parkCount = new Uint8Array(n);
  const parkLimit = 2 * pending + 16;
  const round = [];
  const tryAdd = (t) => {
    state[t] = 0;
    if (pos[t] === tgt[t]) return;
    const b = tgt[t];
    const g = grp[t];
    if (fitsRound(t, b) && groupFree(t, b) && !(g >= 0 && roundGroups.has(gkey(g, b)))) {
      round.push(t);
      for (let r = 0; r < R; r++) add[b * R + r] += demand[t * R + r];
      touched.push(b);
      if (g >= 0) roundGroups.add(gkey(g, b));
    } else wait(t);
  };
  const window = 32 * P;
  while (pending > 0) {
    round.length = 0;
    if (P > 1) {
      const end = Math.min(queue.len, qHead + window);
      for (let q = qHead; q < end && round.length < P; q++) {
        const t = queue.a[q];
        if (state[t] !== 1) continue;
        const a = pos[t];
        if (a >= 0 && waiting[a] !== void 0 && waiting[a].length > 0) tryAdd(t);
      }
    }
    while (qHead < queue.len && round.length < P) {
      const t = queue.a[qHead++];
      if (state[t] !== 1) continue;
      tryAdd(t);
    }
    if (qHead > 4096 && qHead * 2 > queue.len) {
      queue.a.copyWithin(0, qHead, queue.len);
      queue.len -= qHead;
      qHead = 0;
    }
    if (round.length > 0) {
      for (const b of touched) add.fill(0, b * R, b * R + R);
      touched.length = 0;
      roundGroups.clear();
      const sources = [];
      for (const t of round) {
        const a = pos[t];
        execute(t, tgt[t]);
        pending--;
        if (a >= 0) sources.push(a);
      }
      closeRound();
      for (const a of sources) release(a);
      continue;
    }
    if (parked < parkLimit && breakCycle()) continue;
    if (retarget()) continue;
    reached = false;
    for (let t = 0; t < n; t++) {
      if (pos[t] === tgt[t]) continue;
      repaired++;
      tgt[t] = pos[t];
      if (pos[t] >= 0) continue;
      let best = -1;
      let bestS = Infinity;
      for (let j = 0; j < m; j++) {
        if (!groupFree(t, j) || !fitsNow(t, j)) continue;
        let s = 0;
        for (let r = 0; r < R; r++) {
          const c = capacity[j * R + r];
          if (c > 0) s += (c - load[j * R + r] - demand[t * R + r]) / c;
        }
        if (tgtCount[j] === 0) s += R;
        if (s < bestS) {
          bestS = s;
          best = j;
        }
      }
      if (best < 0) {
        unplaced++;
        continue;
      }
      execute(t, best);
      tgt[t] = best;
      closeRound();
    }
    pending = 0;
  }
  function breakCycle() {
    const leaving = /* @__PURE__ */ new Map();
    for (let t = 0; t < n; t++) {
      const a = pos[t];
      if (a >= 0 && tgt[t] !== a && waiting[a] && waiting[a].length > 0) {
        let l = leaving.get(a);
        if (!l) leaving.set(a, l = []);
        l.push(t);
      }
    }
    let bestU = -1;
    let bestS = -1;
    let bestScore = -Infinity;
    for (const [b2, us] of leaving) {
      const w = waiting[b2];
      for (const u of us) {
        if (parkCount[u] >= 2) continue;
        let helps = false;
        for (let k2 = 0; k2 < w.length && k2 < 64; k2++) {
          const v = w[k2];
          if (tgt[v] !== b2 || pos[v] === b2) continue;
          let ok = true;
          for (let r = 0; r < R; r++) {
            if (load[b2 * R + r] - demand[u * R + r] + demand[v * R + r] > capacity[b2 * R + r]) {
              ok = false;
              break;
            }
          }
          if (ok) {
            helps = true;
            break;
          }
        }
        for (let s = 0; s < m; s++) {
          if (s === b2 || s === pos[u] || !groupFree(u, s) || !fitsNow(u, s)) continue;
          let room = 0;
          for (let r = 0; r < R; r++) {
            const c = capacity[s * R + r];
            if (c > 0) room += (c - load[s * R + r] - demand[u * R + r]) / c;
          }
          const score = (helps ? 4 * R : 0) + (tgtCount[s] === 0 ? 2 * R : 0) + room;
          if (score > bestScore) {
            bestScore = score;
            bestU = u;
            bestS = s;
          }
        }
      }
      if (bestScore >= 6 * R - 1e-9 && bestU >= 0) break;
    }
    if (bestU < 0) return false;
    const b = pos[bestU];
    execute(bestU, bestS);
    closeRound();
    parked++;
    parkCount[bestU]++;
    if (pos[bestU] === tgt[bestU]) {
      pending--;
      state[bestU] = 0;
    } else if (state[bestU] !== 1) {
      state[bestU] = 1;
      queue.push(bestU);
    }
    release(b);
    return true;
  }
  function retarget() {
    for (let b = 0; b < m; b++) {
      const w = waiting[b];
      if (!w) continue;
      for (const t of w) {
        if (state[t] !== 2 || tgt[t] !== b) continue;
        for (let c = 0; c < m; c++) {
          if (c === b || c === pos[t] || tgtCount[c] === 0 || !groupFree(t, c) || !fitsNow(t, c)) continue;
          tgtCount[b]--;
          tgtCount[c]++;
          tgt[t] = c;
          state[t] = 1;
          queue.push(t);
          repaired++;
          reached = false;
          return true;
        }
      }
    }
    return false;
  }
  return {
    task: outT.a.slice(0, outT.len),
    from: outF.a.slice(0, outF.len),
    to: outTo.a.slice(0, outTo.len),
    roundStart,
    pos,
    targetReached: reached && unplaced === 0,
    parked,
    repaired,
    unplaced
  };
}

// src/problems/migration/exact.ts
var highsPromise;
async function loadHighs() {
  highsPromise ??= (async () => {
    let mod;
    try {
      const name = "highs";
      mod = await import(
        /* @vite-ignore */
        /* webpackIgnore: true */
        name
      );
    } catch (e) {
      throw new GreenplanError(
        "internal",
        `target "exact" needs the optional dependency "highs" (HiGHS MILP solver), which could not be loaded: install it with \`npm install highs\` (${e.message})`,
        "target"
      );
    }
    const loader = mod.default ?? mod;
    return loader();
  })();
  try {
    return await highsPromise;
  } catch (e) {
    highsPromise = void 0;
    throw e;
  }
}
function buildClasses(d, varCap = Infinity) {
  const { n, m, R } = d;
  const index = /* @__PURE__ */ new Map();
  const cls = new Int32Array(n);
  const count = [];
  for (let i = 0; i < n; i++) {
    let key = `${d.cur[i]}|${d.grp[i]}`;
    for (let r = 0; r < R; r++) key += `|${d.demand[i * R + r]}`;
    let k2 = index.get(key);
    if (k2 === void 0) {
      index.set(key, k2 = count.length);
      count.push(0);
    }
    cls[i] = k2;
    count[k2]++;
  }
  const K = count.length;
  const start = new Int32Array(K + 1);
  for (let k2 = 0; k2 < K; k2++) start[k2 + 1] = start[k2] + count[k2];
  const fill = start.slice(0, K);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[cls[i]]++] = i;
  const binding = [];
  for (let r = 0; r < R; r++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += d.demand[i * R + r];
    let minCap = Infinity;
    for (let j = 0; j < m; j++) minCap = Math.min(minCap, d.capacity[j * R + r]);
    if (total > minCap) binding.push(r);
  }
  let intVars = m;
  for (let k2 = 0; k2 < K && intVars <= varCap; k2++) for (let j = 0; j < m; j++) if (upper(d, members[start[k2]], start[k2 + 1] - start[k2], j) > 0) intVars++;
  return { K, cls, start, members, binding, intVars };
}
function upper(d, i, s, j) {
  let u = d.grp[i] >= 0 ? 1 : s;
  for (let r = 0; r < d.R && u > 0; r++) {
    const dem = d.demand[i * d.R + r];
    if (dem > 0) u = Math.min(u, Math.floor(d.capacity[j * d.R + r] / dem + 1e-12));
  }
  return Math.max(0, u);
}
function num(x) {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x.toFixed(20).replace(/\.?0+$/, "");
}
function writeLp(d, mdl) {
  const { m, R } = d;
  const { K, start, members, binding } = mdl;
  const lines = [];
  const row = (name, terms, rhs) => {
    for (let q = 0; q < terms.length; q += 8) lines.push((q === 0 ? ` ${name}: ` : " ") + terms.slice(q, q + 8).join(" "));
    lines[lines.length - 1] += ` ${rhs}`;
  };
  const u = [];
  for (let k2 = 0; k2 < K; k2++) {
    const i = members[start[k2]];
    const s = start[k2 + 1] - start[k2];
    u.push(Array.from({ length: m }, (_, j) => upper(d, i, s, j)));
  }
  const obj = [];
  for (let j = 0; j < m; j++) obj.push(`+ ${num(d.cost[j])} y${j}`);
  if (d.alpha > 0) {
    for (let k2 = 0; k2 < K; k2++) {
      const c = d.cur[members[start[k2]]];
      if (c >= 0 && u[k2][c] > 0) obj.push(`- ${num(d.alpha)} n${k2}_${c}`);
    }
  }
  lines.push("Minimize");
  row("obj", obj, "");
  lines.push("Subject To");
  for (let k2 = 0; k2 < K; k2++) {
    const terms = [];
    for (let j = 0; j < m; j++) if (u[k2][j] > 0) terms.push(`+ n${k2}_${j}`);
    if (terms.length === 0) terms.push("+ y0");
    row(`a${k2}`, terms, terms[0] === "+ y0" && terms.length === 1 ? `>= 2` : `= ${start[k2 + 1] - start[k2]}`);
    for (let j = 0; j < m; j++) if (u[k2][j] > 0) lines.push(` l${k2}_${j}: n${k2}_${j} - ${u[k2][j]} y${j} <= 0`);
  }
  for (let j = 0; j < m; j++) {
    for (const r of binding) {
      const terms = [];
      for (let k2 = 0; k2 < K; k2++) {
        const dem = d.demand[members[start[k2]] * R + r];
        if (dem > 0 && u[k2][j] > 0) terms.push(`+ ${num(dem)} n${k2}_${j}`);
      }
      if (terms.length === 0) continue;
      terms.push(`- ${num(d.capacity[j * R + r])} y${j}`);
      row(`c${j}_${r}`, terms, "<= 0");
    }
  }
  const G = d.gStart.length - 1;
  for (let g = 0; g < G; g++) {
    if (d.gStart[g + 1] - d.gStart[g] < 2) continue;
    const ks = /* @__PURE__ */ new Set();
    for (let q = d.gStart[g]; q < d.gStart[g + 1]; q++) ks.add(mdl.cls[d.gMem[q]]);
    for (let j = 0; j < m; j++) {
      const terms = [...ks].filter((k2) => u[k2][j] > 0).map((k2) => `+ n${k2}_${j}`);
      if (terms.length >= 2) row(`g${g}_${j}`, terms, "<= 1");
    }
  }
  lines.push("Bounds");
  for (let k2 = 0; k2 < K; k2++) for (let j = 0; j < m; j++) if (u[k2][j] > 0) lines.push(` 0 <= n${k2}_${j} <= ${u[k2][j]}`);
  lines.push("General");
  for (let k2 = 0; k2 < K; k2++) for (let j = 0; j < m; j++) if (u[k2][j] > 0) lines.push(` n${k2}_${j}`);
  lines.push("Binary");
  for (let j = 0; j < m; j++) lines.push(` y${j}`);
  lines.push("End", "");
  return lines.join("\n");
}
async function exactTarget(d, timeLimitMs, model) {
  const t0 = performance.now();
  const mdl = model ?? buildClasses(d);
  const base = { classes: mdl.K, intVars: mdl.intVars };
  if (d.n === 0) return { target: new Int32Array(0), optimal: true, infeasible: false, status: "Optimal", ...base, ms: 0 };
  if (d.m === 0) return { target: null, optimal: false, infeasible: true, status: "Infeasible", ...base, ms: 0 };
  const highs = await loadHighs();
  const lp = writeLp(d, mdl);
  const sol = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, time_limit: Math.max(1e-3, timeLimitMs / 1e3) });
  const ms = performance.now() - t0;
  const status = sol.Status;
  if (status === "Infeasible") return { target: null, optimal: false, infeasible: true, status, ...base, ms };
  const target = countsToTarget(d, mdl, (k2, j) => sol.Columns[`n${k2}_${j}`]?.Primal ?? 0);
  return { target, optimal: status === "Optimal" && target !== null, infeasible: false, status, ...base, ms };
}
function countsToTarget(d, mdl, count) {
  const { m, R } = d;
  const tgt = new Int32Array(d.n).fill(-1);
  for (let k2 = 0; k2 < mdl.K; k2++) {
    const s = mdl.start[k2];
    const e = mdl.start[k2 + 1];
    const c = d.cur[mdl.members[s]];
    const left = new Int32Array(m);
    let total = 0;
    for (let j2 = 0; j2 < m; j2++) {
      const v = Math.round(count(k2, j2));
      if (!(v >= 0)) return null;
      left[j2] = v;
      total += v;
    }
    if (total !== e - s) return null;
    let q = s;
    if (c >= 0) for (; q < e && left[c] > 0; q++, left[c]--) tgt[mdl.members[q]] = c;
    let j = 0;
    for (; q < e; q++) {
      while (left[j] === 0) j++;
      tgt[mdl.members[q]] = j;
      left[j]--;
    }
  }
  const load = new Float64Array(m * R);
  for (let i = 0; i < d.n; i++) for (let r = 0; r < R; r++) load[tgt[i] * R + r] += d.demand[i * R + r];
  for (let x = 0; x < m * R; x++) if (load[x] > d.capacity[x] * (1 + 1e-9) + 1e-9) return null;
  const G = d.gStart.length - 1;
  const seen = /* @__PURE__ */ new Set();
  for (let g = 0; g < G; g++) {
    seen.clear();
    for (let q = d.gStart[g]; q < d.gStart[g + 1]; q++) {
      const j = tgt[d.gMem[q]];
      if (seen.has(j)) return null;
      seen.add(j);
    }
  }
  return tgt;
}
var AUTO_EXACT_LIMIT = 2e3;
var EXACT_MAX_VARS = 1e6;
var DEFAULT_TIME_LIMIT_MS = 1e4;

// src/problems/migration/solve.ts
var validator4 = new Validator(MigrationInstance);
function validateMigration(input) {
  validator4.assert(input);
  const inst2 = input;
  const R = inst2.resources.length;
  uniqueNames("resources", inst2.resources, "");
  const m = inst2.machines.length;
  const n = inst2.tasks.length;
  const byName = uniqueNames("machines", inst2.machines.map((mc) => mc.name));
  const capacity = new Float64Array(m * R);
  const cost = new Float64Array(m);
  inst2.machines.forEach((mc, j) => {
    if (mc.capacity.length !== R) throw new ValidationError(`machines[${j}].capacity`, `must have ${R} values (one per resource), has ${mc.capacity.length}`);
    for (let r = 0; r < R; r++) capacity[j * R + r] = mc.capacity[r];
    cost[j] = mc.cost ?? 1;
  });
  const demand = new Float64Array(n * R);
  const cur = new Int32Array(n);
  const grp = new Int32Array(n);
  uniqueNames("tasks", inst2.tasks.map((t) => t.name));
  const groupIdx = /* @__PURE__ */ new Map();
  const groupOn = /* @__PURE__ */ new Map();
  const load = new Float64Array(m * R);
  inst2.tasks.forEach((t, i) => {
    if (t.demand.length !== R) throw new ValidationError(`tasks[${i}].demand`, `must have ${R} values (one per resource), has ${t.demand.length}`);
    for (let r = 0; r < R; r++) demand[i * R + r] = t.demand[r];
    let j = -1;
    if (t.machine !== void 0 && t.machine !== null) {
      const found = byName.get(t.machine);
      if (found === void 0) throw new ValidationError(`tasks[${i}].machine`, `"${t.machine}" is not the name of a machine`);
      j = found;
    }
    cur[i] = j;
    let g = -1;
    if (t.group !== void 0) {
      g = groupIdx.get(t.group) ?? -1;
      if (g < 0) groupIdx.set(t.group, g = groupIdx.size);
    }
    grp[i] = g;
    if (j >= 0) {
      for (let r = 0; r < R; r++) load[j * R + r] += t.demand[r];
      if (g >= 0) {
        const other = groupOn.get(g * m + j);
        if (other !== void 0) {
          throw new ValidationError(`tasks[${i}].group`, `"${t.group}" is already on machine "${t.machine}" (tasks[${other}]): tasks of one group must be on distinct machines in the current state`);
        }
        groupOn.set(g * m + j, i);
      }
    }
  });
  for (let j = 0; j < m; j++) {
    for (let r = 0; r < R; r++) {
      if (load[j * R + r] > capacity[j * R + r]) {
        throw new ValidationError(
          `machines[${j}].capacity[${r}]`,
          `is exceeded in the current state: the tasks on machine "${inst2.machines[j].name}" demand ${load[j * R + r]} of resource "${inst2.resources[r]}", capacity ${capacity[j * R + r]}`
        );
      }
    }
  }
  const G = groupIdx.size;
  const gStart = new Int32Array(G + 1);
  for (let i = 0; i < n; i++) if (grp[i] >= 0) gStart[grp[i] + 1]++;
  for (let g = 0; g < G; g++) gStart[g + 1] += gStart[g];
  const fill = gStart.slice(0, G);
  const gMem = new Int32Array(gStart[G]);
  for (let i = 0; i < n; i++) if (grp[i] >= 0) gMem[fill[grp[i]]++] = i;
  return {
    n,
    m,
    R,
    demand,
    capacity,
    cost,
    grp,
    gStart,
    gMem,
    cur,
    alpha: inst2.alpha ?? 0,
    maxParallel: inst2.maxParallel ?? 1,
    target: inst2.target ?? "auto",
    timeLimitMs: inst2.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
  };
}
async function migrationTarget(d, mode = MIGRATE_BEST_FIT, start) {
  const k2 = await kernels();
  const { n, m, R } = d;
  const G = d.gStart.length - 1;
  const lay = new Layout();
  const oDem = lay.take(n * R, 8);
  const oCap = lay.take(m * R, 8);
  const oCost = lay.take(m, 8);
  const oGrp = lay.take(n, 4);
  const oGStart = lay.take(G + 1, 4);
  const oGMem = lay.take(d.gMem.length, 4);
  const oCur = lay.take(n, 4);
  const oTgt = lay.take(n, 4);
  const scratchBytes = k2.migrationScratchBytes({ n, m, R });
  const oScratch = lay.take(Math.ceil(scratchBytes / 8), 8);
  const base = lay.reserve(k2, "migration");
  const buf = k2.memory.buffer;
  new Float64Array(buf, base + oDem, n * R).set(d.demand);
  new Float64Array(buf, base + oCap, m * R).set(d.capacity);
  new Float64Array(buf, base + oCost, m).set(d.cost);
  new Int32Array(buf, base + oGrp, n).set(d.grp);
  new Int32Array(buf, base + oGStart, G + 1).set(d.gStart);
  new Int32Array(buf, base + oGMem, d.gMem.length).set(d.gMem);
  new Int32Array(buf, base + oCur, n).set(d.cur);
  if (start) new Int32Array(buf, base + oTgt, n).set(start);
  const status = k2.migrationTarget({
    n,
    m,
    R,
    demand: base + oDem,
    capacity: base + oCap,
    cost: base + oCost,
    grp: base + oGrp,
    gStart: base + oGStart,
    gMem: base + oGMem,
    G,
    cur: base + oCur,
    tgt: base + oTgt,
    alpha: d.alpha,
    mode,
    scratch: base + oScratch
  });
  if (status === INFEASIBLE) return null;
  if (status !== OK) throw statusError(status, "migration");
  return new Int32Array(k2.memory.buffer, base + oTgt, n).slice();
}
function targetObjective(d, a) {
  let moves = 0;
  for (let i = 0; i < d.n; i++) if (a[i] !== d.cur[i]) moves++;
  return assignmentCost(d, a).cost + d.alpha * moves;
}
var POLISH_MODE = MIGRATE_BEST_FIT | MIGRATE_EJECT | MIGRATE_MULTI | MIGRATE_RETURN | MIGRATE_BALANCE | MIGRATE_BY_LOAD | MIGRATE_REPAIR | MIGRATE_FROM_TGT;
var FULL = MIGRATE_EJECT | MIGRATE_MULTI | MIGRATE_RETURN | MIGRATE_SWAP_IN;
var TARGET_MODES = [
  MIGRATE_BEST_FIT | FULL | MIGRATE_BY_LOAD_CAP,
  MIGRATE_ORIGIN_FIRST_FIT | FULL | MIGRATE_BY_LOAD_CAP,
  MIGRATE_BEST_FIT | FULL | MIGRATE_SCARCE | MIGRATE_BY_LOAD_CAP,
  MIGRATE_BEST_FIT | FULL | MIGRATE_BALANCE | MIGRATE_BY_LOAD_CAP,
  MIGRATE_BEST_FIT | FULL | MIGRATE_BALANCE | MIGRATE_BY_LOAD
];
var RESTART_WORK = 5e6;
function restartCount(d) {
  const work = Math.max(1, d.n * d.m * d.R);
  return Math.min(32, Math.floor(RESTART_WORK / work));
}
async function targetCandidates(d, polish = true) {
  let best = null;
  let bestObj = Infinity;
  const modes = [...TARGET_MODES];
  const restarts = restartCount(d);
  for (let s = 1; s <= restarts; s++) modes.push(TARGET_MODES[s % TARGET_MODES.length] | s << MIGRATE_SEED_SHIFT);
  for (const mode of modes) {
    const a = await migrationTarget(d, mode);
    if (!a) continue;
    const obj = targetObjective(d, a);
    if (obj < bestObj - 1e-12) {
      best = a;
      bestObj = obj;
    }
  }
  if (!best) return [];
  if (polish && !atMachineBound(d, best)) {
    const a = await migrationTarget(d, POLISH_MODE, best);
    if (a && targetObjective(d, a) < bestObj - 1e-12) return [a, best];
  }
  return [best];
}
function atMachineBound(d, a) {
  for (let j = 1; j < d.m; j++) if (d.cost[j] !== d.cost[0]) return false;
  let lb = d.n > 0 ? 1 : 0;
  for (let r = 0; r < d.R; r++) {
    let total = 0;
    for (let i = 0; i < d.n; i++) total += d.demand[i * d.R + r];
    const caps = [];
    for (let j = 0; j < d.m; j++) caps.push(d.capacity[j * d.R + r]);
    caps.sort((x, y) => y - x);
    let k2 = 0;
    let sum = 0;
    while (sum < total && k2 < caps.length) sum += caps[k2++];
    lb = Math.max(lb, k2);
  }
  return assignmentCost(d, a).machinesUsed <= lb;
}
function assignmentCost(d, a) {
  const used = new Uint8Array(d.m);
  for (let i = 0; i < d.n; i++) if (a[i] >= 0) used[a[i]] = 1;
  let machinesUsed = 0;
  let cost = 0;
  for (let j = 0; j < d.m; j++) if (used[j]) {
    machinesUsed++;
    cost += d.cost[j];
  }
  return { machinesUsed, cost };
}
async function stage1(d) {
  const heur = (await targetCandidates(d)).map((tgt) => ({ tgt, method: "heuristic", objective: targetObjective(d, tgt) }));
  if (d.target === "heuristic") return { candidates: heur, optimum: null };
  const mdl = buildClasses(d, d.target === "auto" ? AUTO_EXACT_LIMIT / Math.max(1, d.m) : EXACT_MAX_VARS);
  if (d.target === "auto") {
    if (mdl.intVars * d.m > AUTO_EXACT_LIMIT) return { candidates: heur, optimum: null, classes: mdl.K, intVars: mdl.intVars };
    try {
      await loadHighs();
    } catch {
      return { candidates: heur, optimum: null, note: 'HiGHS (optional dependency "highs") is not installed: heuristic target', classes: mdl.K, intVars: mdl.intVars };
    }
  }
  if (mdl.intVars > EXACT_MAX_VARS) {
    return { candidates: heur, optimum: null, note: `the grouped model has more than ${EXACT_MAX_VARS} integer variables: HiGHS not run, heuristic target`, classes: mdl.K, intVars: mdl.intVars };
  }
  const ex = await exactTarget(d, d.timeLimitMs, mdl);
  const out = { candidates: heur, optimum: null, classes: ex.classes, intVars: ex.intVars };
  if (ex.target) {
    const c = { tgt: ex.target, method: "exact", objective: targetObjective(d, ex.target) };
    out.candidates = [c, ...heur].sort((a, b) => a.objective - b.objective);
    if (ex.optimal) out.optimum = c.objective;
  }
  if (!ex.optimal) {
    const h = heur[0];
    out.note = ex.infeasible ? h ? `HiGHS reported the model infeasible but the heuristics found a target (kept)` : "HiGHS proved that no assignment exists" : ex.status === "Optimal" ? `HiGHS's optimal assignment failed the re-check (capacity or groups beyond rounding): heuristic target` : `HiGHS did not prove optimality within ${d.timeLimitMs} ms (status "${ex.status}"): kept the better of ` + (ex.target ? `its best assignment (objective ${out.candidates.find((x) => x.method === "exact").objective})` : "no assignment from HiGHS") + ` and the heuristic target (${h ? `objective ${h.objective}` : "none"})`;
  }
  return out;
}
async function planFrom(d, depth, s1) {
  const { candidates, optimum } = s1 ?? await stage1(depth > 0 && d.target === "exact" ? { ...d, target: "auto" } : d);
  let best = null;
  const consider = (p) => {
    if (!best || p.objective < best.objective - 1e-12 || p.reached && !best.reached && p.objective <= best.objective + 1e-12) best = p;
  };
  for (const cand of candidates) {
    const { tgt, method } = cand;
    const optimal = optimum !== null && cand.objective <= optimum + 1e-9 * Math.max(1, Math.abs(optimum));
    const path = planPath({ n: d.n, m: d.m, R: d.R, demand: d.demand, capacity: d.capacity, grp: d.grp, cur: d.cur, tgt, maxParallel: d.maxParallel });
    const moves = path.task.length;
    if (path.unplaced === 0) {
      consider({ segments: [path], pos: path.pos, moves, reached: path.targetReached, objective: assignmentCost(d, path.pos).cost + d.alpha * moves, method, optimal });
    }
    if (!path.targetReached && depth < 1) {
      const cont = await planFrom({ ...d, cur: path.pos }, depth + 1);
      if (cont) {
        const total = moves + cont.moves;
        consider({ segments: [path, ...cont.segments], pos: cont.pos, moves: total, reached: false, objective: assignmentCost(d, cont.pos).cost + d.alpha * total, method, optimal });
      }
    }
  }
  return best;
}
async function migrate(instance3) {
  const d = validateMigration(instance3);
  const s1 = await stage1(d);
  const plan = await planFrom(d, 0, s1);
  if (!plan) {
    return { problem: "migration", status: "infeasible", reason: "a new task fits on no machine next to the current tasks, or could not be placed by any feasible sequence of moves found" };
  }
  const mName = instance3.machines.map((mc) => mc.name);
  const tName = instance3.tasks.map((t) => t.name);
  const rounds = [];
  for (const path of plan.segments) {
    for (let k2 = 0; k2 + 1 < path.roundStart.length; k2++) {
      const round = [];
      for (let q = path.roundStart[k2]; q < path.roundStart[k2 + 1]; q++) {
        const f = path.from[q];
        round.push({ task: tName[path.task[q]], from: f >= 0 ? mName[f] : null, to: mName[path.to[q]] });
      }
      rounds.push(round);
    }
  }
  const assignment = {};
  for (let i = 0; i < d.n; i++) assignment[tName[i]] = mName[plan.pos[i]];
  const { machinesUsed, cost } = assignmentCost(d, plan.pos);
  const moves = plan.moves;
  return {
    problem: "migration",
    status: "feasible",
    objective: cost + d.alpha * moves,
    cost,
    moves,
    machinesUsed,
    rounds,
    assignment,
    targetReached: plan.reached,
    targetMethod: plan.method,
    targetOptimal: plan.optimal,
    ...s1.note ? { targetNote: s1.note } : {}
  };
}

// src/problems/migration/check.ts
var TOL4 = 1e-9;
function checkMigration(instance3, solution) {
  const fail = (reason) => ({ valid: false, reason });
  if (!solution || solution.problem !== "migration") return fail('solution.problem is not "migration"');
  if (solution.status !== "feasible") return fail(`solution.status is "${solution.status}", expected "feasible"`);
  const resources = Array.isArray(instance3?.resources) ? instance3.resources : [];
  const machines = Array.isArray(instance3?.machines) ? instance3.machines : [];
  const tasks = Array.isArray(instance3?.tasks) ? instance3.tasks : [];
  const R = resources.length;
  const alpha = instance3?.alpha ?? 0;
  const maxParallel = instance3?.maxParallel ?? 1;
  const machineIndex = /* @__PURE__ */ new Map();
  machines.forEach((mc, j) => machineIndex.set(mc.name, j));
  const taskIndex = /* @__PURE__ */ new Map();
  tasks.forEach((t, i) => taskIndex.set(t.name, i));
  const where = tasks.map((t) => t.machine == null ? void 0 : machineIndex.get(t.machine));
  const loads = machines.map(() => new Array(R).fill(0));
  tasks.forEach((t, i) => {
    const j = where[i];
    if (j !== void 0) for (let r = 0; r < R; r++) loads[j][r] += t.demand[r];
  });
  const over = (j, load) => {
    for (let r = 0; r < R; r++) {
      const c = machines[j].capacity[r];
      if (load[r] > c + TOL4 * Math.max(1, Math.abs(c))) return r;
    }
    return -1;
  };
  for (let j = 0; j < machines.length; j++) {
    const r = over(j, loads[j]);
    if (r >= 0) return fail(`the current state already exceeds machine "${machines[j].name}" in resource "${resources[r]}"`);
  }
  const occupant = /* @__PURE__ */ new Map();
  const key = (g, j) => `${g}\0${j}`;
  tasks.forEach((t, i) => {
    if (t.group !== void 0 && where[i] !== void 0) occupant.set(key(t.group, where[i]), (occupant.get(key(t.group, where[i])) ?? 0) + 1);
  });
  if (!Array.isArray(solution.rounds)) return fail("solution.rounds is not an array");
  let moves = 0;
  for (let k2 = 0; k2 < solution.rounds.length; k2++) {
    const round = solution.rounds[k2];
    if (!Array.isArray(round)) return fail(`rounds[${k2}] is not an array`);
    if (round.length > maxParallel) return fail(`rounds[${k2}] has ${round.length} moves, more than maxParallel = ${maxParallel}`);
    const inRound = /* @__PURE__ */ new Set();
    const during = /* @__PURE__ */ new Map();
    const parsed = [];
    for (let q = 0; q < round.length; q++) {
      const mv = round[q];
      const at = `rounds[${k2}][${q}]`;
      const i = taskIndex.get(mv?.task);
      if (i === void 0) return fail(`${at}.task "${mv?.task}" is not a task of the instance`);
      if (inRound.has(i)) return fail(`${at}: task "${mv.task}" moves twice in one round`);
      inRound.add(i);
      const from = mv.from === null ? void 0 : machineIndex.get(mv.from);
      if (mv.from !== null && from === void 0) return fail(`${at}.from "${mv.from}" is not a machine`);
      if (from !== where[i]) {
        const actual = where[i] === void 0 ? "not placed" : `on "${machines[where[i]].name}"`;
        return fail(`${at}: task "${mv.task}" moves from ${mv.from === null ? "null" : `"${mv.from}"`} but is ${actual}`);
      }
      const to = machineIndex.get(mv.to);
      if (to === void 0) return fail(`${at}.to "${mv.to}" is not a machine`);
      if (to === from) return fail(`${at}: task "${mv.task}" moves to the machine it is on`);
      let l = during.get(to);
      if (!l) during.set(to, l = [...loads[to]]);
      for (let r = 0; r < R; r++) l[r] += tasks[i].demand[r];
      parsed.push({ i, from, to });
    }
    for (const [j, l] of during) {
      const r = over(j, l);
      if (r >= 0) return fail(`rounds[${k2}]: machine "${machines[j].name}" exceeds its capacity in resource "${resources[r]}" during the round (${l[r]} > ${machines[j].capacity[r]})`);
    }
    for (const { i, from, to } of parsed) {
      const t = tasks[i];
      for (let r = 0; r < R; r++) {
        if (from !== void 0) loads[from][r] -= t.demand[r];
        loads[to][r] += t.demand[r];
      }
      if (t.group !== void 0) {
        if (from !== void 0) occupant.set(key(t.group, from), occupant.get(key(t.group, from)) - 1);
        occupant.set(key(t.group, to), (occupant.get(key(t.group, to)) ?? 0) + 1);
      }
      where[i] = to;
      moves++;
    }
    for (const { i, to } of parsed) {
      const g = tasks[i].group;
      if (g !== void 0 && occupant.get(key(g, to)) > 1) return fail(`after rounds[${k2}]: two tasks of group "${g}" are on machine "${machines[to].name}"`);
    }
  }
  const assignment = solution.assignment;
  if (!assignment || typeof assignment !== "object") return fail("solution.assignment is not an object");
  if (Object.keys(assignment).length !== tasks.length) return fail(`assignment has ${Object.keys(assignment).length} tasks, the instance ${tasks.length}`);
  const used = /* @__PURE__ */ new Set();
  for (let i = 0; i < tasks.length; i++) {
    const j = where[i];
    if (j === void 0) return fail(`task "${tasks[i].name}" is not placed after the last round`);
    if (assignment[tasks[i].name] !== machines[j].name) {
      return fail(`assignment["${tasks[i].name}"] is "${assignment[tasks[i].name]}", the replayed plan leaves it on "${machines[j].name}"`);
    }
    used.add(j);
  }
  let cost = 0;
  for (const j of used) cost += machines[j].cost ?? 1;
  const objective = cost + alpha * moves;
  const near3 = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (solution.moves !== moves) return fail(`moves is ${solution.moves}, the rounds hold ${moves}`);
  if (solution.machinesUsed !== used.size) return fail(`machinesUsed is ${solution.machinesUsed}, recomputed ${used.size}`);
  if (!near3(solution.cost, cost)) return fail(`cost is ${solution.cost}, recomputed ${cost}`);
  if (!near3(solution.objective, objective)) return fail(`objective is ${solution.objective}, recomputed ${objective}`);
  if (typeof solution.targetReached !== "boolean") return fail("targetReached is not a boolean");
  return { valid: true, reason: "ok", objective };
}

// src/problems/migration/index.ts
var migration = defineProblem({
  name: "migration",
  title: "free machines with a move plan whose every step fits",
  schema: MigrationInstance,
  solve: (instance3) => migrate(instance3),
  check: checkMigration
});

// src/problems/registry.ts
var REGISTRY = {
  smoothing,
  knapsack: knapsack2,
  deployment,
  migration
};
var PROBLEMS = Object.keys(REGISTRY);

// src/node.ts
var wasmUrl = new URL("../build/greenplan.wasm", import.meta.url);
setModuleSource(async () => WebAssembly.compile(await readFile(wasmUrl)));

// src/core/rng.ts
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// ../../../tmp/speed/ksp.mts
function instance2(seed, n, sMax, family, fill = 0.2) {
  const r = mulberry32(seed);
  const items = Array.from({ length: n }, () => {
    const size = 1 + Math.floor(r() * sMax);
    let value = 0;
    switch (family) {
      case "uncorrelated":
        value = Math.round(r() * 10 * sMax) / 10;
        break;
      case "weakly-correlated":
        value = Math.max(1, size + Math.round((r() - 0.5) * sMax / 5));
        break;
      case "strongly-correlated":
        value = size + sMax / 10;
        break;
      case "equal-density":
        value = size;
        break;
    }
    return { size, value, copies: 1 + Math.floor(r() * 100) };
  });
  const total = items.reduce((a, it) => a + it.size * it.copies, 0);
  return { problem: "knapsack", capacity: Math.min(2147483647, Math.floor(total * fill) + 1), items };
}
var fam = process.argv[2];
var k = ["uncorrelated", "weakly-correlated", "strongly-correlated", "equal-density"].indexOf(fam);
var inst = instance2(100 + k, 2e3, 1e3, fam);
for (let r = 0; r < 20; r++) await knapsack(inst);
