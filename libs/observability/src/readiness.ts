import { Injectable } from '@nestjs/common';

export type ReadinessProbe = () => Promise<boolean> | boolean;

/** Components register what "ready" means for them (database reachable, consumer joined, …). */
@Injectable()
export class ReadinessRegistry {
  private readonly probes = new Map<string, ReadinessProbe>();

  register(name: string, probe: ReadinessProbe): void {
    this.probes.set(name, probe);
  }

  async check(): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
    const entries = await Promise.all(
      [...this.probes].map(async ([name, probe]) => {
        try {
          return [name, await probe()] as const;
        } catch {
          return [name, false] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    return { ready: entries.every(([, ok]) => ok), checks };
  }
}
