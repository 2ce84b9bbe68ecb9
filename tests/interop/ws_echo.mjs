// Echo check with Node's `ws` (npm): 1,000 messages of mixed sizes, 0 B to 1 MB, text and binary alternating,
// each compared with what came back, then a clean close (1000).
// Usage: node ws_echo.mjs ws://127.0.0.1:PORT/path   — exits 0 and prints "ok N" on success.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

const sizeOf = (i) => [0, 125, 126, 65535, 65536, i % 100 === 5 ? 1000000 : 300000][i % 10] ?? (i * 7919) % 4096;
const fail = (message) => { console.error(message); process.exit(1); };

const ws = new WebSocket(process.argv[2], { perMessageDeflate: false, maxPayload: 2000000 });
const timer = setTimeout(() => fail('timed out'), 120000);
let i = 0;
let sent;

const next = () => {
  if (i === 1000) { ws.close(1000, 'done'); return; }
  const size = sizeOf(i);
  sent = i % 2 ? 'a'.repeat(size) : randomBytes(size);
  ws.send(sent, { binary: i % 2 === 0 });
};

ws.on('open', next);
ws.on('message', (data, isBinary) => {
  const same = isBinary ? Buffer.isBuffer(sent) && data.equals(sent) : !Buffer.isBuffer(sent) && data.toString('utf8') === sent;
  if (!same) fail(`message ${i} (${sizeOf(i)} B) came back different`);
  i++;
  next();
});
ws.on('close', (code) => {
  clearTimeout(timer);
  if (code !== 1000 || i !== 1000) fail(`closed with ${code} after ${i} messages`);
  console.log(`ok ${i}`);
});
ws.on('error', (error) => fail(String(error)));
