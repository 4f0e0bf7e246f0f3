import { Option, type Command } from 'commander';
import { InputError } from '../../errors/inputError.ts';
import { defaultWorkers } from '../../sweep/workers.ts';
import { DEFAULT_QUEUE_NAME, parseRedisUrl } from '../../sweep/queueUrl.ts';
import { needing, QUEUE_PACKAGES } from '../optionalPackages.ts';
import { parseWholeNumber } from './sweep.ts';

interface WorkerOptions {
  queue: string;
  queueName: string;
  workers?: string;
  lockDuration: string;
  stalledInterval?: string;
  idleExit?: string;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take sweep jobs from a Redis queue (filled by `mesalab sweep FILE --queue URL`) and run them on this machine')
    .requiredOption('--queue <url>', 'the Redis server, e.g. redis://10.0.0.5:6379')
    .option('--queue-name <name>', 'the queue to take jobs from', DEFAULT_QUEUE_NAME)
    .option('-w, --workers <n>', `threads, i.e. jobs run at once (default: one per core, here ${defaultWorkers()})`)
    .option('--lock-duration <ms>', "a job's lock; a killed worker's job is retried once it expires", '30000')
    .option('--stalled-interval <ms>', 'how often to look for jobs of killed workers (default: the lock duration)')
    .option('--idle-exit <seconds>', 'stop after this long without work (default: run until stopped)')
    .addOption(new Option('--json').hideHelp())
    .addHelpText('after', '\nStops cleanly on SIGINT or SIGTERM: the jobs in hand finish first (a second signal stops at once).')
    .action(async (options: WorkerOptions & { json?: boolean }) => {
      // A worker prints no results, only log lines: say so rather than ignore the option.
      if (options.json) throw new InputError('--json', 'does not apply to `mesalab worker`, which prints no results (its jobs\' results go to the sweep\'s results file)');
      const url = parseRedisUrl(options.queue);
      const { startQueueWorker } = await needing(QUEUE_PACKAGES, 'mesalab worker', () => import('../../sweep/queue.ts'));
      const handle = await startQueueWorker({
        url,
        queueName: options.queueName,
        workers: options.workers === undefined ? defaultWorkers() : parseWholeNumber(options.workers, '--workers', 1),
        lockDuration: parseWholeNumber(options.lockDuration, '--lock-duration', 100),
        stalledInterval: options.stalledInterval === undefined ? undefined : parseWholeNumber(options.stalledInterval, '--stalled-interval', 100),
        idleExit: options.idleExit === undefined ? undefined : parseWholeNumber(options.idleExit, '--idle-exit', 1) * 1000,
        log: (line) => process.stderr.write(`worker ${process.pid}: ${line}\n`),
      });
      process.stderr.write(`worker ${process.pid}: waiting for jobs on ${url} (queue ${options.queueName})\n`);
      let signals = 0;
      const stop = () => {
        if (++signals > 1) process.exit(130);
        process.stderr.write(`worker ${process.pid}: stopping after the jobs in hand\n`);
        void handle.close();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await handle.stopped;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    });
}
