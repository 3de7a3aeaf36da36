// npm run cluster:seed -- --vms N [--concurrency C]: writes the demo data set into the running local cluster as admin.
import { parseArgs } from 'node:util';
import { clientFor } from '../../support/k8s';
import { seed } from './seed';

const { values } = parseArgs({
  options: { vms: { type: 'string', default: '40' }, concurrency: { type: 'string', default: '32' } },
});
const vms = Number(values.vms);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(vms) || vms < 0 || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error('usage: cluster:seed -- --vms N [--concurrency C]');
  process.exit(2);
}

const client = clientFor('admin');
const started = Date.now();
console.log(`Seeding ${vms} VMs (${concurrency} requests in flight)…`);
seed(client, { vms, concurrency, log: console.log })
  .then(() => console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => void client.close());
