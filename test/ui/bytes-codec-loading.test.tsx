// The bytes panel before the interpreter's codecs are loaded: it says the decoding is coming, and
// shows it once they are.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { BytesPanel } from '../../src/ui/components/BytesPanel';

const instances: Array<ReturnType<typeof render>> = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.unmount();
});

describe('BytesPanel while the decoder loads', () => {
  it('shows the repr and the hex dump at once, and the decoding when the codecs are there', async () => {
    const data = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]);
    const instance = render(<BytesPanel shown={{ label: 'conn.recv(1024)', data }} count={1} decoding="gbk" width={80} hexLines={4} colour={false} />);
    instances.push(instance);
    const first = instance.lastFrame() ?? '';
    expect(first).toContain("b'\\xd6\\xd0\\xce\\xc4'");
    expect(first).toContain('gbk [Ctrl+T]: …');
    for (let i = 0; i < 200 && !(instance.lastFrame() ?? '').includes("gbk [Ctrl+T]: '中文'"); i++) await new Promise((r) => setTimeout(r, 10));
    expect(instance.lastFrame()).toContain("gbk [Ctrl+T]: '中文'");
  });
});
