// npm run cluster:up | cluster:down (and `tsx integration-tests/cluster/cli.ts status|build`).
import { ensureBinaries } from './build';
import { down, status, up } from './cluster';

const commands: Record<string, () => Promise<void>> = {
  up: async () => {
    const { started } = await up();
    if (!started) console.log(`Already up and healthy:\n${await status()}`);
  },
  down: async () => {
    console.log(
      (await down())
        ? 'Local cluster stopped; data removed'
        : 'Local cluster was not running; leftovers removed',
    );
  },
  status: async () => console.log(await status()),
  build: async () => console.log(`Binaries in ${await ensureBinaries()}`),
};

const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error(`usage: cli.ts ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
command().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
