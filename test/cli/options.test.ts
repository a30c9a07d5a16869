/**
 * The command line of issue 17 §2, through the built binary (dist/cli.js): parseArgs options,
 * --version, help per command, output forms, the decode options, family names in every
 * spelling, --family-module wherever a family is named. Expected hex and JSON are built by hand
 * from RFC layouts (noted at each) or are the samples' own hex/args.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { samples } from '../../src/index.js';
import { createDefaultRegistry } from '../../src/index.js';
import { ROOT, ensureBuilt, run } from './cli-run.js';

beforeAll(ensureBuilt, 600_000);

const ERROR_LINE = /^error: .+ \(code [a-z-]+(, offset \d+)?\)\n$/;
/** RFC 8955 §4.2.2.1 + §4.2.2.3: destination 10.0.0.0/24, protocol =6 (flowspec-001 of Ze). */
const FLOW = '0801180A0000038106';
const FLOW_JSON = '{"destination":[["10.0.0.0/24/0"]],"protocol":[["=tcp"]]}';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('--version and help', () => {
  it('--version prints package.json version', () => {
    expect(run(['--version'])).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it('decode --help shows that command\'s options and examples, not the global help', () => {
    const r = run(['decode', '--help']);
    expect(r.code).toBe(0);
    for (const o of ['--add-path', '--withdraw', '--max-labels', '--strict', '--lossless', '--pretty', '--ndjson', '--text', '--family-module', 'Examples:']) expect(r.out).toContain(o);
    expect(r.out).not.toContain('decode-update');
    expect(run(['help', 'decode']).out).toBe(r.out);
  });

  it('encode <family> --help shows the family\'s argument grammar and its samples as examples', () => {
    const r = run(['encode', 'ipv4/mpls-vpn', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('rd <RD> label <N> [label <N>]... prefix <PREFIX> [path-id <N>]'); // docs/families/vpn.md
    expect(r.out).toContain('ze-nlri encode ipv4/mpls-vpn rd 0:65000:100 label 1000 prefix 10.0.0.0/24\n      → 70003E810000FDE8000000640A0000');
    expect(run(['encode', 'ipv4-flowspec', '--help']).out).toContain('destination|destination-ipv6|source|source-ipv6');
  });

  it('help <extra command> is that command\'s help', () => {
    const r = run(['help', 'decode-file']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ze-nlri decode-file [--format mrt|bmp|pcap|hex]');
  });

  it('every codec command has its own help', () => {
    for (const c of ['encode', 'families', 'samples', '--decode']) {
      const r = run([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.out, c).toMatch(new RegExp(`^usage: ze-nlri ${c.replace(/-/g, '\\-')}`));
    }
  });

  it('a usage error prints the command\'s usage line and exits 2', () => {
    const r = run(['decode', '--max-labels', 'x', 'ipv4/flow', FLOW]);
    expect(r).toEqual({ code: 2, out: '', err: 'error: --max-labels takes a number 1..255, not x\nusage: ze-nlri decode [options] <family> <hex|->\nRun "ze-nlri decode --help" for options and examples.\n' });
    expect(run(['decode', '--nope', 'ipv4/flow', FLOW]).err).toMatch(/^error: unknown option '--nope'\nusage: ze-nlri decode/);
    expect(run(['decode', '--text', '--ndjson', 'ipv4/flow', FLOW]).code).toBe(2);
    const u = run(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/^error: unknown command frobnicate \(commands: decode, encode, .*decode-file.*\)\n/);
  });
});

describe('output forms', () => {
  it('--pretty indents Ze\'s JSON', () => {
    expect(run(['decode', '--pretty', 'ipv4/flow', FLOW]).out).toBe(JSON.stringify(JSON.parse(FLOW_JSON), null, 2) + '\n');
  });

  it('--ndjson: one JSON value per NLRI (two RFC 4271 §4.3 prefixes: 10.0.0.0/24, 10.1.0.0/16)', () => {
    expect(run(['decode', '--ndjson', 'ipv4/unicast', '180A0000100A01'])).toEqual({ code: 0, out: '"10.0.0.0/24"\n"10.1.0.0/16"\n', err: '' });
  });

  it('--ndjson unwraps a family rendered as an array (EVPN, one per line)', () => {
    const evpn = samples.filter((s) => s.family === 'l2vpn/evpn').slice(0, 2);
    const r = run(['decode', '--ndjson', 'l2vpn/evpn', evpn[0]!.hex + evpn[1]!.hex]);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(run(['decode', 'l2vpn/evpn', evpn[0]!.hex + evpn[1]!.hex]).out)).toEqual(lines.map((l) => JSON.parse(l)));
  });

  it('--text: one line for every sample of every family; where the family has no text form, args that encode back to the sample', () => {
    const reg = createDefaultRegistry();
    for (const s of samples) {
      const r = run(['decode', '--text', s.family, s.hex]);
      expect(r.code, `${s.family} ${s.hex}`).toBe(0);
      expect(r.out, `${s.family} ${s.hex}`).toMatch(/^[^\n]+\n$/);
      expect(r.out).not.toContain('[object');
      if (!reg.require(s.family).text && reg.require(s.family).toArgs) expect(run(['encode', s.family, ...r.out.trim().split(' ')]).out, `${s.family} ${s.hex}`).toBe(`${s.hex}\n`);
    }
  }, 300_000);

  it('--text of FlowSpec is Ze\'s decode text form; an ADD-PATH path id comes first', () => {
    expect(run(['decode', '--text', 'ipv4/flow', FLOW]).out).toBe('destination [[10.0.0.0/24/0]] protocol [[=tcp]]\n');
    // RFC 7911 §3: path id 7, then the RFC 4364 §4.3.4 VPN sample of docs/families/vpn.md.
    expect(run(['decode', '--text', '--add-path', 'ipv4/mpls-vpn', '0000000770003E810000FDE8000000640A0000']).out).toBe('path-id 7 rd 0:65000:100 label 1000 prefix 10.0.0.0/24\n');
  });
});

describe('decode options', () => {
  it('malformed input exits 1 with error: <message> (code, offset) for every family alike', () => {
    const reg = createDefaultRegistry();
    for (const c of reg.list()) {
      // The first octet of each sample announces more than is there once the sample loses its last octet.
      const s = samples.find((x) => x.family === c.name)!;
      const r = run(['decode', c.name, s.hex.slice(0, -2)]);
      expect(r.code, `${c.name} ${s.hex.slice(0, -2)}: ${r.out}`).toBe(1);
      expect(r.out, c.name).toBe('');
      expect(r.err, c.name).toMatch(ERROR_LINE);
    }
  }, 120_000);

  it('--lossless keeps what Ze keeps as {"parsed":false} (EVPN type 2 of length 1 with nothing after, RFC 7432 §7)', () => {
    expect(run(['decode', 'l2vpn/evpn', '0201'])).toMatchObject({ code: 1, out: '' });
    expect(run(['decode', 'l2vpn/evpn', '0201']).err).toMatch(ERROR_LINE);
    expect(run(['decode', '--lossless', 'l2vpn/evpn', '0201'])).toEqual({ code: 0, out: '[{"code":2,"parsed":false,"raw":"0201"}]\n', err: '' });
  });

  it('--withdraw reads the label field as the RFC 8277 §2.4 Compatibility field', () => {
    // length 48 bits: label field 000641 (label 100, S), prefix 10.0.0.0/24.
    expect(run(['decode', 'ipv4/mpls-label', '300006410A0000']).out).toBe('{"prefix":"10.0.0.0/24","labels":[100]}\n');
    const w = run(['decode', '--withdraw', 'ipv4/mpls-label', '300006410A0000']);
    expect(w.code).toBe(0);
    expect(JSON.parse(w.out)).toMatchObject({ prefix: '10.0.0.0/24', withdraw: true, compatibility: '0x000641' });
  });

  it('--max-labels: a longer stack is malformed (RFC 8277 §2.1)', () => {
    // length 72: labels 100 (S=0) and 200 (S=1), prefix 10.0.0.0/24.
    const hex = '48000640000C810A0000';
    expect(run(['decode', 'ipv4/mpls-label', hex]).out).toBe('{"prefix":"10.0.0.0/24","labels":[100,200]}\n');
    const r = run(['decode', '--max-labels', '1', 'ipv4/mpls-label', hex]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: .*RFC 8277 §2\.1.* \(code malformed, offset 1\)\n$/);
    expect(run(['decode', '--max-labels', '2', 'ipv4/mpls-label', hex]).code).toBe(0);
  });

  it('--strict refuses a repeated FlowSpec component type (RFC 8955 §4.2)', () => {
    const hex = '0C040250C464041201BBD401F4'; // two type-4 components
    expect(run(['decode', 'ipv4/flow', hex]).code).toBe(0);
    const r = run(['decode', '--strict', 'ipv4/flow', hex]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\(code malformed, offset \d+\)\n$/);
  });

  it('hex as users paste it: spaces, colons, 0x, stdin with -', () => {
    for (const h of ['08 01 18 0a 00 00 03 81 06', '08:01:18:0A:00:00:03:81:06', '0x0801180A0000038106']) expect(run(['decode', 'ipv4/flow', h]).out, h).toBe(FLOW_JSON + '\n');
    expect(run(['decode', 'ipv4/flow', '-'], `0x${FLOW}\n`).out).toBe(FLOW_JSON + '\n');
  });
});

describe('family names', () => {
  it.each(['ipv4/flow', 'IPv4/Flow', '1/133', 'ipv4-flowspec', 'ipv4 flow', 'IPV4_FLOWSPEC', 'inet flow'])('%s is ipv4/flow', (name) => {
    expect(run(['decode', name, FLOW]).out).toBe(FLOW_JSON + '\n');
  });

  it('GoBGP and ExaBGP names of the other families', () => {
    const vpn = '70003E810000FDE8000000640A0000';
    expect(run(['decode', 'l3vpn-ipv4-unicast', vpn]).out).toBe(run(['decode', 'ipv4/mpls-vpn', vpn]).out);
    expect(run(['decode', 'ipv4 mpls-vpn', vpn]).out).toBe(run(['decode', 'ipv4/mpls-vpn', vpn]).out);
    const lab = '300006410A0000';
    for (const n of ['ipv4 nlri-mpls', 'ipv4-labelled-unicast', '1/4']) expect(run(['decode', n, lab]).out, n).toBe('{"prefix":"10.0.0.0/24","labels":[100]}\n');
    const evpn = samples.find((s) => s.family === 'l2vpn/evpn')!.hex;
    for (const n of ['l2vpn-evpn', 'l2vpn evpn', '25/70']) expect(run(['decode', n, evpn]).out, n).toBe(run(['decode', 'l2vpn/evpn', evpn]).out);
    expect(run(['encode', '2/133', 'destination', '2001:db8::/32']).out).toBe(run(['encode', 'ipv6/flow', 'destination', '2001:db8::/32']).out);
  });

  it('an unknown name gets a "did you mean" and the list, exit 1', () => {
    const r = run(['decode', 'ipv4/flwo', FLOW]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: unsupported family: ipv4\/flwo \(did you mean ipv4\/flow\?\); families: bgp-ls\/bgp-ls, .*l2vpn\/vpls \(code unsupported-family\)\n$/);
    expect(run(['encode', 'l2vpn/epvn', 'x']).err).toContain('(did you mean l2vpn/evpn?)');
  });

  it('samples <group> and samples <family in any spelling>', () => {
    const r = run(['samples', 'flowspec']);
    expect(r.code).toBe(0);
    const fams = new Set(r.out.split('\n').filter((l) => /^\S/.test(l)).map((l) => l.split(' ')[0]));
    expect([...fams].sort()).toEqual(['ipv4/flow', 'ipv4/flow-vpn', 'ipv6/flow', 'ipv6/flow-vpn']);
    expect(r.err).toBe(`${samples.filter((s) => s.family.includes('/flow')).length} sample NLRIs decoded from 4 families\n`);
    const e = run(['samples', 'l2vpn-evpn']);
    expect(e.out.split('\n').filter((l) => /^\S/.test(l)).every((l) => l.startsWith('l2vpn/evpn '))).toBe(true);
  });
});

describe('--family-module wherever a family is named (examples/colored-prefix.mjs)', () => {
  const M = ['--family-module', 'examples/colored-prefix.mjs'];
  // The example's layout: length 40 bits (16 color + 24 prefix), color 100, 10.0.0.0/24.
  const HEX = '2800640A0000';

  it('decode, decode --text, encode, families', () => {
    expect(run(['decode', ...M, 'ipv4/colored', HEX])).toEqual({ code: 0, out: '{"color":100,"prefix":"10.0.0.0/24"}\n', err: '' });
    expect(run(['decode', '--text', ...M, '1/241', HEX]).out).toBe('color 100 prefix 10.0.0.0/24\n');
    expect(run(['encode', ...M, 'ipv4/colored', 'color', '100', 'prefix', '10.0.0.0/24'])).toEqual({ code: 0, out: `${HEX}\n`, err: '' });
    expect(run(['families', ...M]).out).toMatch(/^ipv4\/colored +afi 1 +safi 241 /m);
    expect(run(['decode', 'ipv4/colored', HEX]).code).toBe(1);
  });

  it('decode-update: an UPDATE whose MP_REACH_NLRI (RFC 4760 §3) carries the module\'s AFI 1 SAFI 241', () => {
    // ORIGIN IGP, empty AS_PATH, MP_REACH_NLRI: AFI 1, SAFI 241, next hop 192.0.2.1, reserved, NLRI HEX.
    const msg = 'FF'.repeat(16) + '0030' + '02' + '0000' + '0019' + '40010100' + '400200' + '800E0F' + '0001F104C000020100' + HEX;
    const r = run(['decode-update', ...M, msg]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('"ipv4/colored":[{"action":"add","next-hop":"192.0.2.1","nlri":[{"color":100,"prefix":"10.0.0.0/24"}]}]');
  });

  it('decode-file --family takes any spelling of the name (a hex line of that UPDATE on stdin)', () => {
    const msg = 'FF'.repeat(16) + '0030' + '02' + '0000' + '0019' + '40010100' + '400200' + '800E0F' + '0001F104C000020100' + HEX;
    for (const name of ['ipv4/colored', 'IPv4 colored', '1/241']) {
      const r = run(['decode-file', ...M, '--family', name, '-'], `${msg}\n`);
      expect(r.code, `${name}: ${r.err}`).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ action: 'add', family: 'ipv4/colored', 'next-hop': '192.0.2.1', nlri: { color: 100, prefix: '10.0.0.0/24' } });
    }
    expect(run(['decode-file', ...M, '--family', 'ipv4/flow', '-'], `${msg}\n`).out).toBe('');
  });

  it('--decode (Ze\'s line protocol) serves the module\'s family too', () => {
    expect(run(['--decode', ...M], `decode json nlri ipv4/colored ${HEX}\n`).out).toBe('decoded json {"color":100,"prefix":"10.0.0.0/24"}\n');
  });

  it('the example\'s header comment shows commands that work', () => {
    const text = readFileSync(join(ROOT, 'examples', 'colored-prefix.mjs'), 'utf8');
    const cmds = [...text.matchAll(/^\/\/ {3}ze-nlri (decode|encode) (.+)$/gm)].map((m) => [m[1]!, ...m[2]!.split(/\s+/).map((t) => t.replace(/^\.\/colored/, 'examples/colored'))]);
    expect(cmds.length).toBeGreaterThan(0);
    for (const c of cmds) expect(run(c).code, c.join(' ')).toBe(0);
  });
});
