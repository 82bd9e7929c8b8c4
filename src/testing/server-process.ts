import { type ChildProcess, spawn } from 'node:child_process';

// The server as `npm start` runs it (without the web build), in a real process: for tests of start-up,
// locks, signals and crashes. `node --import tsx` keeps it one process, so signals reach the server
// itself.
export type ServerProcess = {
  child: ChildProcess;
  /** resolves once the server says it is running; rejects if it exits first */
  ready: Promise<void>;
  exited: Promise<number | null>;
  output: () => string;
};

export function startServerProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('OpenPARS is running')) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`exited before ready:\n${output}`));
    });
  });
  ready.catch(() => {}); // a test that expects an early exit awaits `exited` instead
  return { child, ready, exited, output: () => output };
}
