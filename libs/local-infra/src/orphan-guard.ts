import { spawn } from 'node:child_process';

/**
 * Ends `childPid` when this process dies, even by SIGKILL (a killed test runner must not leave a Kafka
 * broker or services behind). A detached shell polls our pid; Node has no parent-death signal of its own.
 */
export function killWithParent(childPid: number | undefined): void {
  if (!childPid) return;
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${childPid} 2>/dev/null; do sleep 2; done;
    kill -TERM ${childPid} 2>/dev/null; sleep 20; kill -KILL ${childPid} 2>/dev/null`;
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
}
