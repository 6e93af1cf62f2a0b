// The cost of socklab's socket layer against CPython's socket module, on the same loopback loops in the
// same run: 100 000 one-byte send+recv pairs over a connected TCP pair, and 100 MB sent in 64 KiB
// chunks and read back with recv(65536), and again with recv_into (no new buffer per call). Each is
// repeated and the median round is reported (after a first round that is not counted, on both sides).
//
// socklab runs as it ships: bundled by esbuild (the development loader adds a name-keeping helper to
// every closure, which would be measured too). Both sides run in child processes of their own.
import { execFileSync } from 'node:child_process';
import { bundleEntry } from './lib/bundle';
import type { LoopSettings, RoundTimes } from './lib/socket-layer-loops';

const SETTINGS: LoopSettings = { pairs: 100_000, bulkBytes: 100 * 1024 * 1024, chunk: 65536, rounds: 5 };

const CPYTHON_LOOPS = `
import json, socket, sys, time
pairs, total, size, rounds = (int(a) for a in sys.argv[1:5])
srv = socket.create_server(('127.0.0.1', 0))
c = socket.create_connection(srv.getsockname())
conn, _ = srv.accept()
one = b'x'
chunk = b'y' * size
for _ in range(1000):
    c.send(one); conn.recv(1)
times = {'pairs': [], 'bulk': [], 'bulkInto': []}
for r in range(-1, rounds):
    t = time.perf_counter()
    for _ in range(pairs):
        c.send(one)
        conn.recv(1)
    pair_time = time.perf_counter() - t
    sent = recvd = 0
    t = time.perf_counter()
    while recvd < total:
        sent += c.send(chunk)
        while recvd < sent:
            recvd += len(conn.recv(65536))
    bulk_time = time.perf_counter() - t
    buf = bytearray(65536)
    sent = recvd = 0
    t = time.perf_counter()
    while recvd < total:
        sent += c.send(chunk)
        while recvd < sent:
            recvd += conn.recv_into(buf)
    if r >= 0:
        times['pairs'].append(pair_time)
        times['bulk'].append(bulk_time)
        times['bulkInto'].append(time.perf_counter() - t)
print(json.dumps(times))
`;

const SOCKLAB_ENTRY = `
import { interpreterLoops, rawLoops } from './lib/socket-layer-loops';
const settings = JSON.parse(process.argv[2]);
const raw = rawLoops(settings);
const interpreter = await interpreterLoops(settings);
process.stdout.write(JSON.stringify({ raw, interpreter }));
`;

export interface Figures {
  /** Microseconds per one-byte send + recv pair (median round). */
  pairUs: number;
  /** MB/s through recv(65536) (median round). */
  bulkMBps: number;
  /** MB/s through recv_into(a 64 KiB bytearray) (median round). */
  bulkIntoMBps: number;
}

export interface SocketLayerReport {
  cpython: Figures;
  raw: Figures;
  interpreter: Figures;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function figures(times: RoundTimes): Figures {
  const mbps = (seconds: readonly number[]) => SETTINGS.bulkBytes / 1e6 / median(seconds);
  return { pairUs: (median(times.pairs) * 1e6) / SETTINGS.pairs, bulkMBps: mbps(times.bulk), bulkIntoMBps: mbps(times.bulkInto) };
}

function measureCPython(): Figures {
  const args = [SETTINGS.pairs, SETTINGS.bulkBytes, SETTINGS.chunk, SETTINGS.rounds].map(String);
  return figures(JSON.parse(execFileSync('python3', ['-c', CPYTHON_LOOPS, ...args]).toString()) as RoundTimes);
}

async function measureSocklab(): Promise<{ raw: Figures; interpreter: Figures }> {
  const outfile = await bundleEntry('socket-layer-loops.mjs', SOCKLAB_ENTRY, import.meta.dirname, { external: ['koffi', 'iconv-lite'] });
  const out = execFileSync(process.execPath, [outfile, JSON.stringify(SETTINGS)], { maxBuffer: 1 << 20 }).toString();
  const times = JSON.parse(out) as { raw: RoundTimes; interpreter: RoundTimes };
  return { raw: figures(times.raw), interpreter: figures(times.interpreter) };
}

export async function measureSocketLayer(): Promise<SocketLayerReport> {
  const cpython = measureCPython();
  const socklab = await measureSocklab();
  return { cpython, ...socklab };
}

function row(name: string, f: Figures, base: Figures): string {
  const ratio = (r: number) => `${r.toFixed(2).padStart(5)}x`;
  return [
    name.padEnd(38),
    `${f.pairUs.toFixed(2).padStart(6)} us ${ratio(f.pairUs / base.pairUs)}`,
    `${f.bulkMBps.toFixed(0).padStart(6)} MB/s ${ratio(base.bulkMBps / f.bulkMBps)}`,
    `${f.bulkIntoMBps.toFixed(0).padStart(6)} MB/s ${ratio(base.bulkIntoMBps / f.bulkIntoMBps)}`,
  ].join('   ');
}

export default async function main(): Promise<void> {
  const report = await measureSocketLayer();
  console.log(`socket layer, median of ${SETTINGS.rounds} rounds: ${SETTINGS.pairs} one-byte send+recv pairs; 100 MB in 64 KiB sends`);
  console.log('read back with recv(65536) and with recv_into(a 64 KiB bytearray); ratio: time against CPython');
  console.log(`${''.padEnd(38)}   ${'send+recv pair'.padEnd(16)}   ${'recv(65536)'.padEnd(17)}   recv_into`);
  console.log(row('CPython 3.11 socket module', report.cpython, report.cpython));
  console.log(row('socklab sys/ calls', report.raw, report.cpython));
  console.log(row('socklab socket methods (interpreter)', report.interpreter, report.cpython));
}
