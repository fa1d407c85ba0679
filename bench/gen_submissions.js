// SPDX-License-Identifier: EUPL-1.2
// Writes COUNT submissions of the terrace permit form to OUT, one JSON
// document a line. About four in five are valid. The others have one
// typical fault: a value outside the options, a date not written
// YYYY-MM-DD, a number out of range, a missing field or an unknown field.
// Usage: node gen_submissions.js COUNT OUT
'use strict';
const fs = require('fs');

const [count, out] = process.argv.slice(2);
let seed = 20260301;
function random() {
  // xorshift32, so that every run writes the same documents.
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const pad = (n) => String(n).padStart(2, '0');

function submission() {
  const onParking = pick(['ja', 'nee']);
  const doc = {
    enterprise_number: '0314.595.348',
    legal_name: 'FOD Economie, K.M.O., Middenstand en Energie',
    legal_form: 'Federale overheidsdienst',
    seat_street: 'Vooruitgangstraat', seat_house_number: '50', seat_postcode: '1210',
    seat_municipality: 'Brussel', main_activity: '84.11',
    establishment_number: '2.147.812.897', establishment_name: 'Terras ' + Math.floor(random() * 1000),
    establishment_street: 'Markt', establishment_house_number: String(1 + Math.floor(random() * 99)),
    establishment_postcode: '9000', establishment_municipality: 'Gent',
    terrace_type: pick(['open', 'windschermen', 'gesloten']),
    start_date: `2026-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
    terrace_length: Math.round((1 + random() * 20) * 10) / 10,
    terrace_depth: Math.round((1 + random() * 8) * 10) / 10,
    on_parking: onParking,
    furniture: ['parasols', 'verlichting'].slice(0, Math.floor(random() * 3)),
    terrace_plan: 'plan.pdf',
    contact_email: 'info@example.be',
    contact_phone: '+32 9 123 45 67',
  };
  if (onParking === 'ja')
    doc.parking_spaces = 1 + Math.floor(random() * 4);
  switch (Math.floor(random() * 25)) {
  case 0: doc.terrace_type = 'zwevend'; break;
  case 1: doc.start_date = '2026-3-1'; break;
  case 2: doc.terrace_length = 500; break;
  case 3: delete doc.contact_email; break;
  case 4: doc.remarks = 'unknown field'; break;
  default: break;
  }
  return JSON.stringify(doc);
}

const lines = [];
for (let i = 0; i < Number(count); i++)
  lines.push(submission());
fs.writeFileSync(out, lines.join('\n') + '\n');
