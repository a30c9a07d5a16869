/**
 * Help texts of the codec commands (`ze-nlri <command> --help`), the global help, and
 * `encode <family> --help`: that family's argument grammar, taken from the "Args" section of
 * docs/families/<group>.md (shipped in the package) with the family's samples as examples.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { VERSION } from './version.js';

export interface CommandHelp {
  readonly usage: string;
  readonly text: string;
}

const FAMILY_NAMES = `Family names: Ze's (ipv4/flow), AFI/SAFI numbers (1/133), GoBGP's (ipv4-flowspec,
  l2vpn-evpn, l3vpn-ipv4-unicast), ExaBGP's ("ipv4 flow", "ipv4 nlri-mpls"), any case.
  --family-module <file>  also accept the families this module defines (docs/PLUGIN.md; repeatable)`;

export const COMMANDS: Record<string, CommandHelp> = {
  decode: {
    usage: 'ze-nlri decode [options] <family> <hex|->',
    text: `Decode one or more NLRIs of <family> (hex: either case, spaces, colons, 0x; "-" reads stdin)
to Ze's JSON text.

Options:
  --add-path        each NLRI starts with a 4-octet ADD-PATH path id (RFC 7911)
  --withdraw        the NLRIs come from MP_UNREACH_NLRI (RFC 8277 §2.4 Compatibility field)
  --max-labels <n>  the peer's Multiple Labels count (RFC 8277 §2.1): longer stacks are malformed
  --strict          reject what the RFC calls malformed even where Ze tolerates it
  --lossless        where Ze keeps unparsable bytes as {"parsed":false,…}, do so too
                    (default: malformed input is an error, exit 1)
  --pretty          indented JSON
  --ndjson          one JSON value per NLRI, one per line
  --text            one line of text per NLRI
  --family-module <file>  load families built with defineFamily() (repeatable)

Errors: exit 1 with "error: <message> (code <code>, offset <n>)" on stderr.

Examples:
  ze-nlri decode ipv4/flow 0801180A0000038106
  ze-nlri decode --text ipv4-flowspec 0801180A0000038106
  ze-nlri decode --ndjson 1/128 70003E810000FDE8000000640A0000
  ze-nlri decode --family-module examples/colored-prefix.mjs ipv4/colored 2800640A0000

${FAMILY_NAMES}
`,
  },
  encode: {
    usage: 'ze-nlri encode [--path-id <n>] <family> <args...>',
    text: `Encode one NLRI from Ze's encode-nlri argument tokens; prints UPPER-case hex.
"ze-nlri encode <family> --help" shows that family's grammar.

Options:
  --path-id <n>     put an ADD-PATH path id (RFC 7911) in front of the NLRI
  --family-module <file>  load families built with defineFamily() (repeatable)

Examples:
  ze-nlri encode ipv4/flow destination-port =80 =443 =8080
  ze-nlri encode --path-id 7 ipv4/mpls-vpn rd 0:65000:100 label 1000 prefix 10.0.0.0/24
  ze-nlri encode --family-module examples/colored-prefix.mjs ipv4/colored color 100 prefix 10.0.0.0/24

${FAMILY_NAMES}
`,
  },
  families: {
    usage: 'ze-nlri families [--json] [--family-module <file>]...',
    text: `List every family with its AFI, SAFI, group, modes and RFCs.

Options:
  --json            one JSON array
  --family-module <file>  include the families of this module (repeatable)
`,
  },
  samples: {
    usage: 'ze-nlri samples [<family|group>...]',
    text: `Decode the built-in sample NLRIs of every family (or of the given families or groups:
flowspec, vpn, evpn, …) and print hex, note, Ze's JSON and the encode args.

Options:
  --family-module <file>  load this module first (its "samples" export, if any, is shown)

Examples:
  ze-nlri samples
  ze-nlri samples flowspec
  ze-nlri samples ipv4/mpls-vpn l2vpn-evpn
`,
  },
  '--decode': {
    usage: 'ze-nlri --decode [--family-module <file>]...',
    text: `Serve Ze's plugin line protocol on stdin/stdout (ze plugin <name> --decode):
  "decode [json|text] nlri <family> <hex>"      → "decoded json <json>" / "decoded text <text>"
  "encode [text|json] nlri <family> <tokens...>" → "encoded hex <HEX>"
Unknown or malformed requests get "decoded unknown". See docs/PLUGIN.md.
`,
  },
};

export function commandHelp(name: string): string {
  const c = COMMANDS[name]!;
  return `usage: ${c.usage}\n\n${c.text}`;
}

/** The short form after a usage error: the usage line and where the rest is. */
export function usageHint(name: string): string {
  const c = COMMANDS[name];
  if (!c) return `Run "ze-nlri --help" for the commands.\n`;
  return `usage: ${c.usage}\nRun "ze-nlri ${name} --help" for options and examples.\n`;
}

export function globalHelp(extra: readonly { help: string }[]): string {
  const core = Object.entries(COMMANDS)
    .map(([, c]) => `  ${c.usage}\n${indent(c.text.split('\n\n')[0]!.trimEnd())}`)
    .join('');
  return `ze-nlri ${VERSION}: BGP NLRI codecs for Ze's custom address families

Usage:
${core}${extra.map((c) => c.help).join('')}  ze-nlri <command> --help     options and examples of one command
  ze-nlri encode <family> --help  the argument grammar of one family
  ze-nlri --version
`;
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `        ${l}\n`)
    .join('');
}

/** The "Args" section of docs/families/<group>.md, or undefined when the docs are not there. */
export function familyGrammar(group: string): string | undefined {
  let md: string;
  try {
    md = readFileSync(fileURLToPath(new URL(`../docs/families/${group}.md`, import.meta.url)), 'utf8');
  } catch {
    try {
      // Running from src/ (tsx): two levels up.
      md = readFileSync(fileURLToPath(new URL(`../../docs/families/${group}.md`, import.meta.url)), 'utf8');
    } catch {
      return undefined;
    }
  }
  const lines = md.split('\n');
  const start = lines.findIndex((l) => /^## .*(args|encode-nlri)/i.test(l));
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  return lines.slice(start, end).join('\n').trimEnd() + '\n';
}
