/**
 * The one-pass args parser (mup.md §4, Ze's grammar): what a rewrite of the token loop, the
 * route type lookup and the TEID text could break. Expected bytes are written out by hand from
 * the draft's layouts (draft-ietf-bess-mup-safi-00 §3.1.3.1, §3.1.4.1) and Ze's rules in mup.md
 * (TEID `V` or `V/B`, V by strconv.ParseUint(…, 32) or 0, B by strconv.Atoi or 32; the low-order
 * ⌈B/8⌉ octets of V written after the endpoint).
 */
import { describe, expect, it } from 'vitest';
import { defaultRegistry, NlriError } from '../../../src/index.js';
import { ipv4Mup } from '../../../families/mup/index.js';

const args = (a: string[], family = 'ipv4/mup'): string => defaultRegistry.encodeArgs(family, a);
const t2st = (teid: string): string => args(['route-type', 'mup-t2st', 'address', '10.0.0.1', 'teid', teid]);
const t1st = (teid: string): string => args(['route-type', 'mup-t1st', 'prefix', '10.0.0.0/8', 'teid', teid]);

function failure(a: string[]): NlriError {
  try {
    args(a);
  } catch (e) {
    if (e instanceof NlriError) return e;
    throw e;
  }
  throw new Error(`no error for ${a.join(' ')}`);
}

describe('TEID text', () => {
  it('T2ST bits: a sign, leading zeros, empty or bad text (→ 32), too large for Atoi (→ 32)', () => {
    expect(t2st('12345/+23')).toBe('01000408370A000001003039');
    expect(t2st('5/007')).toBe('01000406270A00000105');
    expect(t2st('5/')).toBe('01000409400A00000100000005');
    expect(t2st('5/+')).toBe('01000409400A00000100000005');
    expect(t2st('5/-')).toBe('01000409400A00000100000005');
    expect(t2st('5/1x')).toBe('01000409400A00000100000005');
    expect(t2st('1/99999999999999999999')).toBe('01000409400A00000100000001');
  });
  it('T2ST bits ≤ 0: no TEID octets, the endpoint length shortened', () => {
    expect(t2st('7/0')).toBe('01000405200A000001');
    expect(t2st('7/-8')).toBe('01000405180A000001');
  });
  it('T2ST value: empty or bad text is 0, the low-order octets are kept', () => {
    expect(t2st('/5')).toBe('01000406250A00000100');
    expect(t2st('300/8')).toBe('01000406280A0000012C');
    expect(t2st('16909060/24')).toBe('01000408380A000001020304');
    expect(t2st('4294967296/32')).toBe('01000409400A00000100000000');
    expect(t2st('x/16')).toBe('01000407300A0000010000');
  });
  it('T1ST: a 32-bit value, 0 when it does not parse', () => {
    expect(t1st('4294967295')).toBe('01000307080AFFFFFFFF00');
    expect(t1st('4294967296')).toBe('01000307080A0000000000');
    expect(t1st('+1')).toBe('01000307080A0000000000');
    expect(t1st('')).toBe('01000303080A00'); // empty: no TEID field, as with no teid key
  });
  it('T2ST bits that do not fit the endpoint length octet', () => {
    expect(failure(['route-type', 'mup-t2st', 'address', '10.0.0.1', 'teid', '1/-1000']).message).toBe(
      'invalid T2ST teid "1/-1000": endpoint length -968 does not fit one octet',
    );
    expect(failure(['route-type', 'mup-t2st', 'address', '10.0.0.1', 'teid', '1/224']).message).toBe(
      'invalid T2ST teid "1/224": endpoint length 256 does not fit one octet',
    );
  });
});

describe('tokens', () => {
  it('an empty value is as good as none', () => {
    expect(args(['route-type', 'mup-isd', 'rd', '', 'prefix', '10.0.0.0/8'])).toBe('01000102080A');
    expect(failure(['route-type', 'mup-isd', 'prefix', '']).message).toBe('MUP ISD requires prefix');
  });
  it('the last route-type wins; a numeric one, leading zeros too, is the raw form', () => {
    expect(args(['route-type', 'mup-isd', 'route-type', 'mup-dsd', 'address', '10.0.0.1'])).toBe('010002040A000001');
    expect(args(['route-type', '007'])).toBe('01000700');
  });
  it('qfi at its bounds, checked where it stands (before a missing route-type)', () => {
    expect(args(['route-type', 'mup-t1st', 'prefix', '10.0.0.0/8', 'qfi', '255'])).toBe('01000303080AFF');
    expect(args(['route-type', 'mup-t1st', 'prefix', '10.0.0.0/8', 'qfi', '007'])).toBe('01000303080A07');
    expect(failure(['qfi', 'x']).message).toBe('invalid qfi: strconv.ParseUint: parsing "x": invalid syntax');
    expect(failure(['route-type', 'mup-t1st', 'qfi', '+1']).message).toBe('invalid qfi: strconv.ParseUint: parsing "+1": invalid syntax');
    expect(failure(['route-type', 'mup-t1st', 'qfi', '']).message).toBe('invalid qfi: strconv.ParseUint: parsing "": invalid syntax');
  });
  it('every value key wants a value', () => {
    for (const k of ['route-type', 'rd', 'prefix', 'address', 'teid', 'qfi', 'endpoint', 'source', 'ipv6']) {
      const e = failure(['route-type', 'mup-dsd', 'address', '10.0.0.1', k]);
      expect([e.code, e.message]).toEqual(['invalid-args', `${k} requires value`]);
    }
  });
  it('names of Object.prototype are unknown route types, as in Ze', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(failure(['route-type', name, 'address', '10.0.0.1']).message).toBe(`unknown MUP route type: ${name}`);
    }
  });
  it('the RD error carries the RD parser\'s text', () => {
    expect(failure(['route-type', 'mup-isd', 'rd', 'x', 'prefix', '10.0.0.0/8']).message).toBe(
      'invalid RD "x": invalid RD format: x (expected ASN:value or IP:value)',
    );
  });
});

describe('built models', () => {
  it('are plain objects with the fields in the order the model lists them', () => {
    const m = ipv4Mup.fromArgs!(['route-type', 'mup-t1st', 'rd', '0:100:100', 'prefix', '192.168.0.2/32', 'teid', '1', 'qfi', '9', 'endpoint', '10.0.0.1', 'source', 'none']);
    expect(Object.keys(m)).toEqual(['kind', 'archType', 'routeType', 'rd', 'prefix', 'qfi', 'teid', 'endpoint', 'source']);
    const bare = ipv4Mup.fromArgs!(['route-type', 'mup-t1st', 'prefix', '192.168.0.2/32']);
    expect(Object.keys(bare)).toEqual(['kind', 'archType', 'routeType', 'rd', 'prefix', 'qfi']);
    expect(bare.kind === 't1st' && bare.rd).toBeUndefined();
  });
});
