/** The FamilyCodec of the RTC group: ipv4/rtc (AFI 1, SAFI 132, RFC 4684). */
import type { FamilyCodec } from '../../src/registry/family.js';
import { rtcFromArgs, rtcToArgs } from './args.js';
import { rtcJson } from './json.js';
import type { RtcNlri } from './model.js';
import { decodeRtc, encodeRtc, rtcEncodingLength, rtcVerbatim } from './wire.js';

export const ipv4Rtc: FamilyCodec<RtcNlri> = Object.freeze({
  name: 'ipv4/rtc',
  afi: 1,
  safi: 132,
  group: 'rtc',
  rfcs: ['RFC 4684', 'RFC 4360', 'RFC 7911'],
  jsonMany: 'auto',
  decode: decodeRtc,
  encodingLength: (m) => rtcEncodingLength(m, 'ipv4/rtc'),
  encode: encodeRtc,
  verbatim: rtcVerbatim,
  json: rtcJson,
  fromArgs: rtcFromArgs,
  toArgs: rtcToArgs,
  zeDecodeError: 'parse RTC failed',
} satisfies FamilyCodec<RtcNlri>);

export const codecs: readonly FamilyCodec<any>[] = [ipv4Rtc];
