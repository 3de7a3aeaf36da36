/** The keystroke plan, statistics and the printed table of run.ts. */

/** One key press: `text` is what the search box holds after it. */
export type Keystroke = { query: string; key: string; text: string };

/**
 * Search texts that match manyVMs data (fixtures.ts): a VM name, an IPv4 prefix, a MAC, an IPv6 address, and an
 * IPv4 prefix that matches nothing (the empty state). Each is typed one character at a time, then erased with
 * Backspace, so both narrowing and widening keystrokes are timed.
 */
export const QUERIES = ['vm-04217', '10.2.16.33', '02:00:0f:a0:00:03', 'fd00:1::2a', '10.129.'];

export const keystrokePlan = (queries: readonly string[] = QUERIES): Keystroke[] =>
  queries.flatMap((query) => [
    ...[...query].map((key, i) => ({ query, key, text: query.slice(0, i + 1) })),
    ...[...query].map((_, i) => ({ query, key: 'Backspace', text: query.slice(0, query.length - i - 1) })),
  ]);

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

export type Quantiles = { p50: number; p95: number; max: number };

/** Nearest-rank percentiles. */
export const quantiles = (xs: readonly number[]): Quantiles => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
  return { p50: at(50), p95: at(95), max: s[s.length - 1] ?? NaN };
};

type Load = { dataToRows: number; startToRows: number; buildVMRows: number; heap: number };

export type Report = {
  vms: number;
  nics: number;
  rows: number;
  /** The page's summary once loaded, checked against `rows`. */
  shown: string;
  loads: number;
  ours: Load[];
  floor: Load[];
  keystrokes: { ours: Quantiles; floor: Quantiles };
  events: { ours: Quantiles; floor: Quantiles };
  keystrokeCount: number;
  load: number[];
  seconds: number;
};

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const mb = (x: number) => `${(x / 2 ** 20).toFixed(1)} MB`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

export const table = (r: Report): string => {
  const m = (xs: Load[], f: (l: Load) => number) => median(xs.map(f));
  const lines: string[][] = [['metric', 'ours', 'floor', 'ours/floor', 'goal']];
  const add = (name: string, ours: number, floor: number, fmt: (x: number) => string, goal = '') =>
    lines.push([name, fmt(ours), fmt(floor), ratio(ours, floor), goal]);
  add(
    `first rows after data (median of ${r.loads})`,
    m(r.ours, (l) => l.dataToRows),
    m(r.floor, (l) => l.dataToRows),
    ms,
    '< 1 s',
  );
  const built = m(r.floor, (l) => l.buildVMRows);
  lines.push(['  of which buildVMRows (floor page)', '', ms(built), '', '']);
  add(
    '  mount → first rows (incl. list parse)',
    m(r.ours, (l) => l.startToRows),
    m(r.floor, (l) => l.startToRows),
    ms,
  );
  const k = r.keystrokes;
  add(`keystroke → table painted p50`, k.ours.p50, k.floor.p50, ms);
  add(`keystroke → table painted p95`, k.ours.p95, k.floor.p95, ms, 'p95 < 50 ms');
  add(`keystroke → table painted max`, k.ours.max, k.floor.max, ms);
  const e = r.events;
  add(`Event Timing duration p50`, e.ours.p50, e.floor.p50, ms);
  add(`Event Timing duration p95`, e.ours.p95, e.floor.p95, ms);
  add(`Event Timing duration max`, e.ours.max, e.floor.max, ms);
  add(
    'JS heap used after load (after GC)',
    m(r.ours, (l) => l.heap),
    m(r.floor, (l) => l.heap),
    mb,
  );
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const fmt = (l: string[]) =>
    l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [
    `VM networks page: ${r.vms} VMs × ${r.nics} NICs = ${r.rows} rows (page shows "${r.shown}"),`,
    'headless Chromium, production build.',
    'Data comes from an in-memory API inside the page: this isolates rendering from the network',
    '(bench/data-layer times lists against the real API server).',
    'floor: first rows = same lists through the same client, buildVMRows, a bare 50-row <table>;',
    '       keystrokes = the same keys into a plain <input> on the same page; heap = the floor page.',
    `${r.keystrokeCount} keystrokes per side (typed, then erased). Event Timing: 0 = under its 16 ms threshold.`,
    '',
    fmt(lines[0]!),
    ...lines.slice(1).map(fmt),
    '',
    `load average ${r.load.map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min), ${r.seconds.toFixed(0)} s`,
    '',
  ].join('\n');
};

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};

/** The functions with the most self time in a CDP CPU profile, as text. */
export const profileSummary = (
  profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] },
  top = 15,
): string => {
  const samples = profile.samples?.length ?? 0;
  const perSample = samples ? (profile.endTime - profile.startTime) / 1000 / samples : 0;
  const self = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0) * perSample);
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return ['CPU profile, self time:', ...rows.map(([k, v]) => `${ms(v).padStart(10)}  ${k}`)].join('\n');
};

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: what the event cost when other processes also wanted the CPU. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
};

/**
 * Where the renderer's main thread spent a Chrome trace (the Performance panel's data): self time per trace event
 * name (a layout inside a script call counts as layout, not script), the busiest first, and per keystroke. CPU
 * time (the thread's own) is printed beside wall time: on a loaded machine it is the one that says what the page
 * costs.
 */
export type Trace = { traceEvents: TraceEvent[] };

export const traceSummary = (trace: Trace, keystrokes: number, top = 14): string => {
  const events = trace.traceEvents;
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const count = (m: TraceEvent) => events.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
  const main = mains.sort((a, b) => count(b) - count(a))[0];
  if (!main) return 'trace: no renderer main thread';
  // Complete events ('X') and begin/end pairs of the main thread, as intervals with their CPU time.
  type Span = { start: number; end: number; cpu: number; name: string };
  const spans: Span[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid) continue;
    if (e.ph === 'X' && e.dur !== undefined)
      spans.push({ start: e.ts, end: e.ts + e.dur, cpu: e.tdur ?? e.dur, name: e.name });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b)
        spans.push({
          start: b.ts,
          end: e.ts,
          cpu: b.tts !== undefined && e.tts !== undefined ? e.tts - b.tts : e.ts - b.ts,
          name: b.name,
        });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const wall = new Map<string, number>();
  const cpu = new Map<string, number>();
  type Open = Span & { childWall: number; childCpu: number };
  const stack: Open[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const s = stack.pop()!;
      wall.set(s.name, (wall.get(s.name) ?? 0) + Math.max(0, s.end - s.start - s.childWall));
      cpu.set(s.name, (cpu.get(s.name) ?? 0) + Math.max(0, s.cpu - s.childCpu));
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.childWall += s.end - s.start;
        parent.childCpu += s.cpu;
      }
    }
  };
  for (const s of spans) {
    close(s.start);
    stack.push({ ...s, childWall: 0, childCpu: 0 });
  }
  close(Infinity);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / 1000;
  const per = (us: number) => ms(us / 1000 / keystrokes);
  const rows = [...cpu].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `Chrome trace of the page's ${keystrokes} keystrokes, main thread self time per key: CPU ${ms(sum(cpu) / keystrokes)}, wall ${ms(sum(wall) / keystrokes)}`,
    `${'CPU/key'.padStart(9)}  ${'wall/key'.padStart(9)}  event`,
    ...rows.map(([k, v]) => `${per(v).padStart(9)}  ${per(wall.get(k) ?? 0).padStart(9)}  ${k}`),
  ].join('\n');
};
