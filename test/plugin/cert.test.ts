/** The simulator's throwaway certificates must always be valid DER (a bad one failed 1 run in ~256). */
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeCert } from './cert.js';

describe('test certificates', () => {
  it('parse as X.509 every time, with the documented fingerprint', () => {
    for (let i = 0; i < 400; i++) {
      const c = makeCert();
      const x = new X509Certificate(c.der);
      expect(x.fingerprint256.replace(/:/g, '').toLowerCase()).toBe(c.fingerprint);
    }
  });
});
