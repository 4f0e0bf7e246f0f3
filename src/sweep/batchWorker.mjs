// The file piscina loads in each worker thread. Node 20 does not apply module hooks given by
// `--import tsx` to worker threads' ES modules, and tsx's CommonJS fallback compiles every module
// into getter-wrapped exports that run the solvers about 4 times slower. So this plain-JS entry
// registers tsx's ESM hooks inside the thread and imports the TypeScript task as ES modules.
// (The top-level await also makes piscina's first attempt, require(), fail fast and fall back
// to import().)
import { register } from 'tsx/esm/api';

register();
const task = await import('./batchTask.ts');

export default task.default;
