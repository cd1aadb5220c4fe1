// What every dashboard browser test does first: find Debian's chromium and playwright-core
// (nothing downloaded; exit code 77, which ctest counts as skipped, when either is missing),
// and count its checks.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

export function loadChromium(nodeModules) {
  const executable = process.env.ENTENTE_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(executable)) {
    console.log(`SKIP: no ${executable} (apt-get install chromium)`);
    process.exit(77);
  }
  if (!existsSync(join(nodeModules, "playwright-core"))) {
    console.log(`SKIP: no playwright-core in ${nodeModules} (the dashboard build installs it with npm)`);
    process.exit(77);
  }
  return { chromium: createRequire(resolve(nodeModules, "x.js"))("playwright-core").chromium, executable };
}

// check(cond, what) prints ok/FAIL and counts; fail(what) counts an exception; finish(name)
// prints the tally and exits 0 only when nothing failed.
export function makeChecks() {
  let passed = 0;
  let failed = 0;
  return {
    check(cond, what) {
      if (cond) passed++;
      else failed++;
      console.log(`${cond ? "ok  " : "FAIL"} ${what}`);
    },
    fail(what) {
      failed++;
      console.log(`FAIL ${what}`);
    },
    finish(name) {
      console.log(`${name}: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}
