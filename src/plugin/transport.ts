/**
 * TLS connect-back to the engine (ze-plugin-protocol.md §2.1-2.2).
 *
 * TLS 1.3 only, no PKI (the engine's certificate is a throwaway self-signed ECDSA P-256 one):
 * the leaf certificate is pinned instead, by the lower-case hex SHA-256 of its DER bytes, and a
 * mismatch refuses the connection before a single byte of ours is sent. TCP_NODELAY on.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import * as tls from 'node:tls';

export class PinMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly got: string,
  ) {
    super(`engine certificate fingerprint mismatch: expected ${expected}, got ${got} (refusing to connect)`);
    this.name = 'PinMismatchError';
  }
}

/** Lower-case hex SHA-256 of a certificate's DER bytes (Ze's `CertFingerprint`). */
export function certFingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

export interface ConnectOptions {
  host: string;
  port: number;
  /** Expected fingerprint; '' skips pinning (the caller logs a warning). */
  certFp: string;
  /** Give up after this long (default 10 s; the engine waits 30 s for the whole connect-back). */
  timeoutMs?: number;
}

/** Connect, complete the TLS 1.3 handshake and check the pin. Resolves with the open socket. */
export function connectEngine(opts: ConnectOptions): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const sock = tls.connect({
      host: opts.host,
      port: opts.port,
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`TLS connect to ${opts.host}:${opts.port} timed out`));
    }, opts.timeoutMs ?? 10_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      sock.destroy();
      reject(e);
    };
    sock.once('error', fail);
    sock.once('secureConnect', () => {
      clearTimeout(timer);
      sock.off('error', fail);
      const cert = sock.getPeerCertificate(false);
      const got = cert && cert.raw ? certFingerprint(cert.raw) : '';
      if (opts.certFp !== '') {
        const a = Buffer.from(got, 'utf8');
        const b = Buffer.from(opts.certFp, 'utf8');
        if (a.length !== b.length || !timingSafeEqual(a, b)) {
          sock.destroy();
          reject(new PinMismatchError(opts.certFp, got || '(no certificate)'));
          return;
        }
      }
      sock.setNoDelay(true);
      resolve(sock);
    });
  });
}
