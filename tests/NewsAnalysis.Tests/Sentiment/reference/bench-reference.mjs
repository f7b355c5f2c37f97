// Throughput of the npm port vader-sentiment 1.1.3 on a JSON array of texts, timing only the scoring loop
// (wall-clock and CPU time of the process).
//   node bench-reference.mjs TEXTS.json [ROUNDS] [--vader DIR]   → prints one JSON line
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const argv = process.argv.slice(2);
const vaderAt = argv.indexOf('--vader');
const dir = vaderAt >= 0 ? argv[vaderAt + 1] : process.env.VADER_JS ?? '/tmp/vader/node_modules/vader-sentiment';
const positional = argv.filter((a, i) => a !== '--vader' && i !== vaderAt + 1);
const texts = JSON.parse(fs.readFileSync(positional[0], 'utf8'));
const rounds = Number(positional[1] ?? 3);
const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const port = createRequire(import.meta.url)(path.join(dir, pkg.main)).SentimentIntensityAnalyzer;

let checksum = 0;
for (const t of texts) checksum += port.polarity_scores(t).compound; // warm-up: one pass, as the C# side
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const t of texts) checksum += port.polarity_scores(t).compound;
const cpu = process.cpuUsage(cpuStart);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpuSeconds = (cpu.user + cpu.system) / 1e6; // this process's CPU time (all its threads), robust to a busy machine
const sentences = texts.length * rounds;
console.log(JSON.stringify({ version: pkg.version, sentences, seconds, perSecond: sentences / seconds, cpuSeconds, perCpuSecond: sentences / cpuSeconds, checksum }));
