import { spawn } from "node:child_process";

export interface ScriptResult {
  code: number | null;
  output: string;
}

/** Runs one of the project's scripts (`scripts/x.ts`) with tsx, as `npm run` would. */
export function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env,
      stdio: "pipe",
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}
