/**
 * One library however it is loaded (issue 15 §5): a program that both `import`s the ESM build
 * (dist/index.js) and `require`s the CJS build (dist/index.cjs) gets two copies of the code, but
 * one default registry (a family registered through either is seen through both) and errors that
 * both copies recognise (`instanceof NlriError`, `isNlriError`). Run in a plain node process on
 * the built files (build first: `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/** ZE_NLRI_DIST: another build to check (e.g. an older one, to see this test fail without the fix). */
const DIST = process.env.ZE_NLRI_DIST ?? join(import.meta.dirname, '..', 'dist');

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.cjs'))) throw new Error('dist/index.cjs is missing: run `npm run build` (npm test does)');
});

const SCRIPT = `
import { createRequire } from 'node:module';
const dist = process.argv[1];
const esm = await import(new URL('index.js', dist + '/').href);
const cjs = createRequire(new URL('index.cjs', dist + '/').href)(new URL('index.cjs', dist + '/').pathname);
const r = {};
r.twoCopies = esm.NlriError !== cjs.NlriError;
r.sameRegistry = esm.defaultRegistry === cjs.defaultRegistry;
const rtc = esm.defaultRegistry.require('ipv4/rtc');
try {
  esm.defaultRegistry.register({ ...rtc, name: 'ipv4/dual-esm', afi: 1, safi: 251 });
  r.esmFamilySeenByCjs = cjs.decodeHex('ipv4/dual-esm', '00') === esm.decodeHex('ipv4/rtc', '00');
} catch (e) { r.esmFamilySeenByCjs = String(e); }
try {
  cjs.defaultRegistry.register({ ...rtc, name: 'ipv4/dual-cjs', afi: 1, safi: 252 });
  r.cjsFamilySeenByEsm = esm.defaultRegistry.has('ipv4/dual-cjs') && esm.decodeHex('ipv4/dual-cjs', '00') === cjs.decodeHex('ipv4/rtc', '00');
} catch (e) { r.cjsFamilySeenByEsm = String(e); }
const thrown = (f) => { try { f(); } catch (e) { return e; } return undefined; };
const fromEsm = thrown(() => esm.decodeHex('ipv4/rtc', '01'));
const fromCjs = thrown(() => cjs.decodeHex('ipv4/rtc', '01'));
r.esmErrorCode = fromEsm && fromEsm.code;
r.esmErrorInstanceofCjs = fromEsm instanceof cjs.NlriError;
r.esmErrorIsNlriErrorCjs = cjs.isNlriError(fromEsm);
r.cjsErrorInstanceofEsm = fromCjs instanceof esm.NlriError;
r.cjsErrorIsNlriErrorEsm = esm.isNlriError(fromCjs);
r.newCjsErrorInstanceofEsm = new cjs.NlriError('bad-value', 'x') instanceof esm.NlriError;
r.sameCopyStillWorks = fromEsm instanceof esm.NlriError && fromCjs instanceof cjs.NlriError && fromEsm instanceof Error;
r.plainErrorIsNot = !(new Error('x') instanceof esm.NlriError) && !cjs.isNlriError({ code: 'bad-value' }) && !esm.isNlriError(null) && !(5 instanceof cjs.NlriError);
class Sub extends esm.NlriError {}
r.subclassKeepsPrototypeTest = new Sub('bad-value', 'x') instanceof Sub && !(fromEsm instanceof Sub) && new Sub('bad-value', 'x') instanceof cjs.NlriError;
console.log(JSON.stringify(r));
`;

describe('ESM and CJS builds loaded together', () => {
  it('share the default registry and recognise each other\'s NlriError', () => {
    const p = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, pathToFileURL(DIST).href], { encoding: 'utf8', timeout: 60_000 });
    expect(p.stderr).toBe('');
    expect(JSON.parse(p.stdout)).toEqual({
      twoCopies: true,
      sameRegistry: true,
      esmFamilySeenByCjs: true,
      cjsFamilySeenByEsm: true,
      esmErrorCode: 'truncated',
      esmErrorInstanceofCjs: true,
      esmErrorIsNlriErrorCjs: true,
      cjsErrorInstanceofEsm: true,
      cjsErrorIsNlriErrorEsm: true,
      newCjsErrorInstanceofEsm: true,
      sameCopyStillWorks: true,
      plainErrorIsNot: true,
      subclassKeepsPrototypeTest: true,
    });
  });
});
