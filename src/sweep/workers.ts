import { availableParallelism } from 'node:os';

/** The default number of workers: one per core. (Apart from pool.ts, so help texts need no piscina.) */
export const defaultWorkers = (): number => availableParallelism();
