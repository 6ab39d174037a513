import { TEXTS, type Texts } from './item-bodies';

/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  /** Offered rates (items/s) at which end-to-end latency is measured, open-loop. */
  rates: number[];
  /** Seconds of load per step (latency steps, search steps, intake and baseline phases). */
  duration: number;
  /** Concurrent connections/clients for the closed-loop phases (intake, PostgreSQL baseline). */
  concurrency: number;
  /** Base URL of a running intake; without it the bench starts its own system. */
  intake?: string;
  /** Base URL of a running tracking service (only for its process's memory figure). */
  tracking?: string;
  /** Bearer token for a running system (its JWT secret is unknown to the bench). */
  token?: string;
  /** Most step-search probes after the rate table. */
  searchSteps: number;
  /** p99 accepted→assigned a step must stay under to count as sustained (ms). */
  p99LimitMs: number;
  /** Skip phases, e.g. while tuning one thing. */
  skip: Set<Phase>;
  /** Keep the bench database afterwards (for inspection). */
  keep: boolean;
  /** Extra environment for the services the bench starts (KEY=VALUE, repeatable). */
  serviceEnv: Record<string, string>;
  /** A label stored with the results, e.g. the change being measured. */
  label: string;
  /** What the items say: real messages from many citizens, or one text from one citizen (worst case). */
  texts: Texts;
}

export const PHASES = ['baselines', 'intake', 'latency', 'search'] as const;
export type Phase = (typeof PHASES)[number];

export const DEFAULTS: BenchOptions = {
  rates: [100, 200, 500],
  duration: 20,
  concurrency: 32,
  searchSteps: 5,
  p99LimitMs: 1_000,
  skip: new Set(),
  keep: false,
  serviceEnv: {},
  label: '',
  texts: 'varied',
};

const USAGE = `usage: npm run bench -- [--rates 100,200,500] [--duration 20] [--concurrency 32]
       [--search-steps 5] [--p99-limit-ms 1000] [--skip baselines,intake,latency,search]
       [--intake http://host:3001 --tracking http://host:3003 --token <bearer>]
       [--texts varied|same] [--env KEY=VALUE ...] [--label text] [--keep]`;

function positiveNumber(flag: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!raw || !Number.isFinite(value) || value <= 0)
    throw new Error(`${flag} needs a positive number\n${USAGE}`);
  return value;
}

/** Parses argv (without node and script); throws with the usage text on anything it does not know. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULTS, skip: new Set(), serviceEnv: {} };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return value;
    };
    switch (flag) {
      case '--rates':
        options.rates = next()
          .split(',')
          .map((r) => positiveNumber('--rates', r.trim()));
        break;
      case '--duration':
        options.duration = positiveNumber(flag, next());
        break;
      case '--concurrency':
        options.concurrency = Math.round(positiveNumber(flag, next()));
        break;
      case '--search-steps':
        options.searchSteps = Math.round(Number(next()));
        break;
      case '--p99-limit-ms':
        options.p99LimitMs = positiveNumber(flag, next());
        break;
      case '--intake':
        options.intake = next().replace(/\/$/, '');
        break;
      case '--tracking':
        options.tracking = next().replace(/\/$/, '');
        break;
      case '--token':
        options.token = next();
        break;
      case '--skip':
        for (const phase of next().split(',')) {
          if (!(PHASES as readonly string[]).includes(phase))
            throw new Error(`unknown phase ${phase}\n${USAGE}`);
          options.skip.add(phase as Phase);
        }
        break;
      case '--env': {
        const pair = next();
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new Error(`--env needs KEY=VALUE\n${USAGE}`);
        options.serviceEnv[pair.slice(0, eq)] = pair.slice(eq + 1);
        break;
      }
      case '--texts': {
        const texts = next();
        if (!(TEXTS as readonly string[]).includes(texts))
          throw new Error(`unknown --texts ${texts}\n${USAGE}`);
        options.texts = texts as Texts;
        break;
      }
      case '--label':
        options.label = next();
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if (options.intake && !options.token)
    throw new Error(`--intake needs --token (a clerk's bearer token)\n${USAGE}`);
  return options;
}
