// Independent check of the Confluent wire format with @kafkajs/confluent-schema-registry (npm).
// Usage:
//   node interop.js decode <registryUrl> <hexFile>...          prints one JSON line per file
//   node interop.js encode-dead-letter <registryUrl> <subject>  registers nothing; encodes with the subject's latest
//                                                               schema and prints the payload as hex
'use strict';
const fs = require('fs');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');

function plain(value) {
  if (Buffer.isBuffer(value)) return { hex: value.toString('hex') };
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

async function main() {
  const [command, url, ...rest] = process.argv.slice(2);
  const registry = new SchemaRegistry({ host: url }, { forSchemaOptions: { logicalTypes: {} } });
  if (command === 'decode') {
    for (const file of rest) {
      const payload = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
      console.log(JSON.stringify(plain(await registry.decode(payload))));
    }
  } else if (command === 'encode-dead-letter') {
    const id = await registry.getLatestSchemaId(rest[0]);
    const payload = await registry.encode(id, {
      sourceTopic: 'transactions', sourcePartition: 3, sourceOffset: 42, transactionId: 'txn-js',
      reason: 'UNDECODABLE_RECORD', detail: null, timestamp: 1767225600000, source: 'kafkajs'
    });
    console.log(payload.toString('hex'));
  } else {
    throw new Error('unknown command ' + command);
  }
}

main().catch((error) => {
  console.error(error && error.message ? error.message : error);
  process.exit(1);
});
