// Starts `entente serve` on a free loopback port for a browser test, and stops it.
import { spawn } from "node:child_process";

export async function startServer(binary, args) {
  const proc = spawn(binary, ["serve", ...args, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 15000);
    proc.stdout.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on("exit", (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return { url, stop: () => proc.kill("SIGTERM"), stderr: () => stderr };
}
