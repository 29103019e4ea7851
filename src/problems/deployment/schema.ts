import { Type, type Static } from '@sinclair/typebox';
import { powerFields, hoursField, energyObject } from '../../energy/schema.js';
import type { DeploymentEnergy as DeploymentEnergyBlock } from '../../energy/types.js';

/** Largest size, capacity or free capacity accepted (keeps every sum exact enough). */
export const DEPLOYMENT_MAX_VALUE = 1e12;
/** Smallest size or capacity accepted: a part of a smaller service (size / parts) could underflow to 0. */
export const DEPLOYMENT_MIN_VALUE = 1e-300;
/** Largest number of parts of one service (and of the whole output, see solve.ts). */
export const DEPLOYMENT_MAX_PARTS = 2147483647;

/** The algorithms of `src/deployment/`: see README, "Deployment". */
export const DEPLOYMENT_ALGORITHMS = [
  'guess-and-pack:worst-fit',
  'guess-and-pack:best-fit',
  'guess-and-pack:first-fit',
  'pack-and-adapt:worst-fit',
  'pack-and-adapt:best-fit',
  'pack-and-adapt:first-fit',
  'merge-and-split',
  'spread-wfd',
] as const;
export type DeploymentAlgorithm = (typeof DEPLOYMENT_ALGORITHMS)[number];
export const DEFAULT_DEPLOYMENT_ALGORITHM: DeploymentAlgorithm = 'guess-and-pack:worst-fit';

/** A service: cut into k equal parts, minParts <= k <= maxParts, one part per machine. */
export const DeploymentItem = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, errorMessage: 'must be a non-empty string', description: 'Service name; defaults to its index.' })),
    size: Type.Number({ minimum: DEPLOYMENT_MIN_VALUE, maximum: DEPLOYMENT_MAX_VALUE, errorMessage: 'must be a finite number > 0 (at least 1e-300, at most 1e12)', description: 'Total size of the service (e.g. CPU cores; may be fractional).' }),
    minParts: Type.Optional(Type.Integer({ minimum: 1, maximum: DEPLOYMENT_MAX_PARTS, errorMessage: 'must be an integer >= 1', description: 'Fewest parts (default 2).' })),
    maxParts: Type.Optional(Type.Integer({ minimum: 1, maximum: DEPLOYMENT_MAX_PARTS, errorMessage: 'must be an integer >= 1', description: 'Most parts (default unbounded).' })),
    parts: Type.Optional(Type.Integer({ minimum: 1, maximum: DEPLOYMENT_MAX_PARTS, errorMessage: 'must be an integer >= 1', description: 'Given part count (replicas), used by spread-wfd.' })),
  },
  { additionalProperties: false, errorMessage: 'must be an object' },
);

/** A partly used machine with `free` capacity left. */
export const DeploymentBin = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, errorMessage: 'must be a non-empty string', description: 'Machine name; defaults to "bin-<index>".' })),
    free: Type.Number({ minimum: 0, maximum: DEPLOYMENT_MAX_VALUE, errorMessage: 'must be a finite number >= 0 (at most 1e12)', description: 'Free capacity.' }),
  },
  { additionalProperties: false, errorMessage: 'must be an object' },
);

/** The energy model's input (docs/energy.md, "Deployment"): the period and the servers' power. */
export const DeploymentEnergy = energyObject({ ...hoursField, ...powerFields },
  'Energy model of the deployment (docs/energy.md): the new machines\' idle power plus the dynamic power of the placed load (relative to binCapacity), × PUE × hours; compared with the lower bound and with dedicated machines.');

/** `{ problem: "deployment", binCapacity, bins, items, algorithm }`: see README, "Deployment". */
export const DeploymentInstance = Type.Object(
  {
    problem: Type.Literal('deployment'),
    binCapacity: Type.Number({ minimum: DEPLOYMENT_MIN_VALUE, maximum: DEPLOYMENT_MAX_VALUE, errorMessage: 'must be a finite number > 0 (at least 1e-300, at most 1e12)', description: 'Capacity of a new machine.' }),
    bins: Type.Optional(Type.Array(DeploymentBin, { errorMessage: 'must be an array of bins', description: 'Partly used machines (default none).' })),
    items: Type.Array(DeploymentItem, { errorMessage: 'must be an array of items' }),
    algorithm: Type.Optional(
      Type.Union(DEPLOYMENT_ALGORITHMS.map((a) => Type.Literal(a)), {
        errorMessage: `must be one of ${DEPLOYMENT_ALGORITHMS.map((a) => `"${a}"`).join(', ')}`,
        description: `Default "${DEFAULT_DEPLOYMENT_ALGORITHM}".`,
      }),
    ),
    energy: Type.Optional(DeploymentEnergy),
  },
  { additionalProperties: false, errorMessage: 'must be an object', $id: 'greenplan/deployment' },
);
export type DeploymentInstance = Static<typeof DeploymentInstance>;
export type DeploymentItem = Static<typeof DeploymentItem>;
export type DeploymentBin = Static<typeof DeploymentBin>;

export interface DeploymentItemPlacement {
  name: string;
  parts: number;
  /** size / parts */
  partSize: number;
  /** the machines holding one part each: bin names, or new-1 … new-<newBins> */
  bins: string[];
}

export interface DeploymentSolution {
  problem: 'deployment';
  /** "optimal" only when newBins = lowerBound and parts = the fewest parts each service allows */
  status: 'feasible' | 'optimal' | 'infeasible';
  algorithm: DeploymentAlgorithm;
  /** new machines used (each holds at least one part) */
  newBins: number;
  /** Σ parts */
  parts: number;
  /** lower bound on new machines (src/deployment/lower-bound.ts) */
  lowerBound: number;
  items: DeploymentItemPlacement[];
  /** infeasible only: why, naming the service */
  reason?: string;
  /** solved only: kWh and kg CO2 over the period, against the lower bound and dedicated machines (docs/energy.md); added by solve() */
  energy?: DeploymentEnergyBlock;
}
