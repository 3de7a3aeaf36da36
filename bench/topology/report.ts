/** Statistics, goals and the printed table of run.ts. */
import type { Interaction, LoadResult } from './probe';

export type View = 'default' | 'expanded';

/** One line of the table: one size, one view. */
export type Row = {
  vms: number;
  view: View;
  ours: LoadResult[];
  floor: LoadResult[];
  /** JS heap used after load (after a GC), per ours load. */
  heap: number[];
  /** JS heap used by the generated data alone, before start() (after a GC). */
  dataHeap: number[];
  /** Main-thread CPU time over start() (CDP ThreadTime), ms, per load of ours and of the floor. */
  cpu: number[];
  floorCpu: number[];
  interaction?: Interaction;
  floorInteraction?: Interaction;
};

export const median = (xs: readonly number[]): number => {
  const s = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

type Goal = { what: string; pass: boolean };

/** The goals of issue #10 that apply to a line. */
export const goals = (r: Row): Goal[] => {
  const paint = median(r.ours.map((l) => l.paint));
  const ratio = paint / median(r.floor.map((l) => l.paint));
  const out: Goal[] = [];
  if (r.vms === 5000 && r.view === 'default') {
    out.push({ what: 'paint < 1.5 s', pass: paint < 1500 });
    out.push({ what: '≤ 1.5× floor', pass: ratio <= 1.5 });
  }
  if (r.vms === 5000 && r.view === 'expanded') out.push({ what: 'paint < 3 s', pass: paint < 3000 });
  if (r.vms === 5000 && r.interaction)
    out.push({ what: 'no task > 50 ms', pass: r.interaction.longestTask <= 50 });
  if (r.vms === 25000 && r.view === 'default') out.push({ what: 'paint < 5 s', pass: paint < 5000 });
  return out;
};

const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(x < 10 ? 1 : 0)}`);
const task = (i: Interaction | undefined) => (!i ? '—' : i.longTasks ? ms(i.longestTask) : '< 50');
const mb = (x: number) => (Number.isNaN(x) ? '—' : `${(x / 2 ** 20).toFixed(0)}`);

export const table = (rows: readonly Row[], load: number[], seconds: number, loads: string): string => {
  const head = [
    'VMs',
    'view',
    'nodes',
    'edges',
    'view',
    'layout',
    'data→paint',
    'floor paint',
    'ours/floor',
    'cpu',
    'floor cpu',
    'cpu ratio',
    'longest task',
    'floor task',
    'max frame gap',
    'heap (data)',
    'goals',
  ];
  const lines = rows.map((r) => {
    const m = (f: (l: LoadResult) => number, xs = r.ours) => median(xs.map(f));
    const paint = m((l) => l.paint);
    const floor = m((l) => l.paint, r.floor);
    const i = r.interaction;
    return [
      r.vms.toLocaleString('en'),
      r.view,
      `${r.ours[0]?.nodes ?? '?'}`,
      `${r.ours[0]?.edges ?? '?'}`,
      ms(m((l) => l.build)),
      ms(m((l) => l.viewLayout)),
      ms(paint),
      ms(floor),
      `${(paint / floor).toFixed(2)}×`,
      ms(median(r.cpu)),
      ms(median(r.floorCpu)),
      `${(median(r.cpu) / median(r.floorCpu)).toFixed(2)}×`,
      task(i),
      task(r.floorInteraction),
      i ? ms(i.maxFrameGap) : '—',
      `${mb(median(r.heap))} (${mb(median(r.dataHeap))})`,
      goals(r)
        .map((g) => `${g.what} ${g.pass ? 'PASS' : 'FAIL'}`)
        .join(', '),
    ];
  });
  const all = [head, ...lines];
  const widths = head.map((_, c) => Math.max(...all.map((l) => l[c]!.length)));
  const fmt = (l: string[]) =>
    l
      .map((cell, c) =>
        c === l.length - 1 ? cell : c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!),
      )
      .join('  ')
      .trimEnd();
  return [
    'Network topology canvas, headless Chromium, production build; data from manyTopology(VMs, 20 nodes,',
    '50 namespaces): 2–4 interfaces per VM, about 200 networks. Times in ms, medians of ' + loads + '.',
    `default view: namespaces with more than the page's GROUP_THRESHOLD VMs drawn as one group; expanded: all open.`,
    'view = buildDefaultView (the unfiltered view, as the page builds it); layout = layoutGraph; data→paint = from the data in memory to',
    'the first painted frame of the real TopologyCanvas (view, layout, React, cytoscape).',
    'floor paint = the same nodes and edges given to plain cytoscape at grid positions, minimal style, one batch.',
    'cpu / floor cpu = CPU time of the page main thread over the same span (CDP ThreadTime): less swayed by load.',
    'longest task / max frame gap: during 20 wheel zooms and 5 drags over the canvas (longtask API: "< 50" = none',
    'of 50 ms or more); floor task: the same script on the floor page. heap = JS heap used after load and a GC,',
    'MB (of which the generated input lists).',
    '',
    fmt(head),
    ...lines.map(fmt),
    '',
    `load average ${load.map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min), ${seconds.toFixed(0)} s`,
    '',
  ].join('\n');
};
