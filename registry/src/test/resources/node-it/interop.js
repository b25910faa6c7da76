// Drives @kafkajs/confluent-schema-registry against the registry under test; prints one JSON line.
// Environment: REGISTRY_URL, REGISTRY_USER, REGISTRY_PASSWORD, SUBJECT, JAVA_PAYLOAD_HEX.
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const registry = new SchemaRegistry({
  host: process.env.REGISTRY_URL,
  auth: { username: process.env.REGISTRY_USER, password: process.env.REGISTRY_PASSWORD },
  retry: { retries: 0 },
});
const subject = process.env.SUBJECT;
const v1 = {
  type: 'record', name: 'Egress', namespace: 'com.acme.interop',
  fields: [{ name: 'tool', type: 'string' }, { name: 'bytes', type: 'long' }],
};
const v2 = { ...v1, fields: [...v1.fields, { name: 'host', type: 'string', default: 'unknown' }] };
const incompatible = { ...v1, fields: [...v1.fields, { name: 'mandatory', type: 'int' }] };

async function main() {
  const first = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(v1) }, { subject });
  const again = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(v1) }, { subject });
  const second = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(v2) }, { subject });
  let rejected = null;
  try {
    await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(incompatible) }, { subject });
  } catch (e) {
    rejected = { name: e.name, status: e.status, message: e.message };
  }
  const fresh = new SchemaRegistry({
    host: process.env.REGISTRY_URL,
    auth: { username: process.env.REGISTRY_USER, password: process.env.REGISTRY_PASSWORD },
  });
  const encoded = await registry.encode(first.id, { tool: 'curl', bytes: 42 });
  const result = {
    firstId: first.id,
    againId: again.id,
    secondId: second.id,
    latestId: await fresh.getLatestSchemaId(subject),
    version1Id: await fresh.getRegistryId(subject, 1),
    bySchemaId: await fresh.getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema: JSON.stringify(v1) }),
    encodedHex: encoded.toString('hex'),
    decoded: await fresh.decode(encoded),
    javaDecoded: await fresh.decode(Buffer.from(process.env.JAVA_PAYLOAD_HEX, 'hex')),
    rejected,
  };
  let unauthorized = null;
  try {
    await new SchemaRegistry({ host: process.env.REGISTRY_URL, retry: { retries: 0 } }).getLatestSchemaId(subject);
  } catch (e) {
    unauthorized = { name: e.name, status: e.status, unauthorized: e.unauthorized };
  }
  result.unauthorized = unauthorized;
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
