// Runs snarkjs's own witness check (snarkjs.wtns.check, the code behind `snarkjs wtns check`) on many
// witnesses of one circuit in a single node process: one process per witness would cost a second each.
// usage: node wtns_check_all.mjs <snarkjs main.js> <circuit.r1cs> <witness.wtns>...
// Prints "checked N, failed F" and the failing files; exits 1 if any failed.
import { pathToFileURL } from "node:url";

const [, , snarkjsMain, r1cs, ...witnesses] = process.argv;
const snarkjs = await import(pathToFileURL(snarkjsMain).href);
const failed = [];
for (const w of witnesses) {
    let ok;
    try {
        ok = await snarkjs.wtns.check(r1cs, w);
    } catch (e) {
        ok = false;
        console.log(`${w}: ${e.message}`);
    }
    if (!ok) {
        failed.push(w);
    }
}
console.log(`checked ${witnesses.length}, failed ${failed.length}`);
for (const f of failed) {
    console.log(`FAILED ${f}`);
}
process.exit(failed.length === 0 ? 0 : 1);
