// SPDX-License-Identifier: EUPL-1.2
// The ajv 8 side of bench/run.sh: the same measurement as bench_validate.c
// on the same files. Usage: node ajv_bench.js ROUNDS NAME SCHEMA DOCUMENT...
'use strict';
const fs = require('fs');
const Ajv2020 = require('ajv/dist/2020').default;

const [rounds, name, schemaPath, ...paths] = process.argv.slice(2);
const texts = [];
for (const path of paths) {
  const text = fs.readFileSync(path, 'utf8');
  if (path.endsWith('.jsonl'))
    texts.push(...text.split('\n').filter((line) => line.length > 0));
  else
    texts.push(text);
}
// strict off, as for a schema written for another validator; allErrors so
// that ajv, like onlyonce, collects every error of an invalid document.
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
const parsed = texts.map((text) => JSON.parse(text));

// Timed in five equal parts; the rate printed is that of the fastest part,
// the one least disturbed by other processes, as in bench_validate.c.
function run(mode, parse, count) {
  const slices = count >= 5 ? 5 : 1;
  const perSlice = count >= 5 ? Math.floor(count / 5) : 1;
  let valid = 0, docs = 0, total = 0, best = 0;
  for (let s = 0; s < slices; s++) {
    const start = process.hrtime.bigint();
    for (let r = 0; r < perSlice; r++) {
      for (let i = 0; i < texts.length; i++) {
        const doc = parse ? JSON.parse(texts[i]) : parsed[i];
        if (validate(doc))
          valid++;
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    total += seconds;
    docs += texts.length * perSlice;
    best = Math.max(best, texts.length * perSlice / seconds);
  }
  console.log([name, mode, docs, total.toFixed(3), Math.round(best),
               valid / (docs / texts.length)].join('\t'));
}

run('warm-up', false, 1);
run('with parsing', true, Number(rounds));
run('without parsing', false, Number(rounds));
console.log(`peak_rss_kib\t${process.resourceUsage().maxRSS}`);
