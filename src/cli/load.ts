/**
 * Lazy loading for the CLI: a command imports only the family groups it names (one dynamic
 * import per group, each a chunk of the library build), and user modules given with
 * `--family-module` (docs/PLUGIN.md). Start-up for one decode is then node + the registry core +
 * one group, not every family and the attribute layer.
 */
import type { FamilyCodec } from '../registry/family.js';
import { Registry } from '../registry/registry.js';
import type { Sample } from '../registry/samples.js';
import { BUILTIN, GROUPS, resolveFamily, unknownFamilyMessage, type KnownFamily } from './family-names.js';
import { NlriError } from '../core/errors.js';

interface GroupModule {
  readonly codecs: readonly FamilyCodec<any>[];
  readonly samples: readonly Sample[];
}

const LOADERS: Record<string, () => Promise<GroupModule>> = {
  // group.js, not index.js: the codecs and samples without the zod-checked builders.
  'bgp-ls': () => import('../../families/bgp-ls/group.js'),
  car: () => import('../../families/car/index.js'),
  ct: () => import('../../families/ct/index.js'),
  evpn: () => import('../../families/evpn/index.js'),
  flowspec: () => import('../../families/flowspec/index.js'),
  labeled: () => import('../../families/labeled/index.js'),
  mdt: () => import('../../families/mdt/index.js'),
  mup: () => import('../../families/mup/index.js'),
  mvpn: () => import('../../families/mvpn/index.js'),
  rtc: () => import('../../families/rtc/index.js'),
  'sr-policy': () => import('../../families/sr-policy/index.js'),
  unicast: () => import('../../families/unicast/index.js'),
  vpls: () => import('../../families/vpls/index.js'),
  vpn: () => import('../../families/vpn/index.js'),
  'vpn-multicast': () => import('../../families/vpn-multicast/index.js'),
};

/** A registry filled on demand, with the samples of the groups loaded. */
export class LazyFamilies {
  readonly registry = new Registry();
  readonly samples: Sample[] = [];
  private readonly loaded = new Set<string>();
  private all = false;
  /** Families registered from --family-module files (not in BUILTIN). */
  private readonly extra: KnownFamily[] = [];

  async loadGroup(group: string): Promise<void> {
    if (this.loaded.has(group) || this.all) return;
    const load = LOADERS[group];
    if (!load) throw new Error(`no family group ${group}`);
    this.loaded.add(group);
    const m = await load();
    for (const c of m.codecs) if (!this.registry.has(c.name)) this.registry.register(c);
    this.samples.push(...m.samples);
  }

  /** Every shipped family (src/families.ts), including groups that came after BUILTIN was written. */
  async loadAll(): Promise<void> {
    if (this.all) return;
    this.all = true;
    const { builtinCodecs, builtinSamples } = await import('../families.js');
    const had = new Set(this.registry.list().map((c) => c.name));
    for (const c of builtinCodecs) if (!had.has(c.name)) this.registry.register(c);
    for (const s of builtinSamples) if (!had.has(s.family)) this.samples.push(s);
    for (const g of GROUPS) this.loaded.add(g);
  }

  /** Import a user family module (relative to the working directory) and register its families. */
  async loadModule(path: string): Promise<void> {
    // Built-ins first, so that a module clashing with one is refused as the plugin refuses it.
    await this.loadAll();
    const { loadFamilyModule } = await import('../plugin/nlri/modules.js');
    for (const c of await loadFamilyModule(this.registry, path)) this.extra.push(c);
  }

  known(): KnownFamily[] {
    const all = new Map<string, KnownFamily>();
    for (const f of [...BUILTIN, ...this.extra, ...this.registry.list()]) all.set(f.name, { name: f.name, afi: f.afi, safi: f.safi });
    return [...all.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * The codec for a name in any accepted spelling (family-names.ts), its group loaded. An
   * unknown name is a usage error with a suggestion and the list.
   */
  async require(input: string): Promise<FamilyCodec<any>> {
    let name = resolveFamily(input, this.known());
    if (name === undefined && !this.all) {
      // A family that a group added after BUILTIN was written: look in every group.
      await this.loadAll();
      name = resolveFamily(input, this.known());
    }
    if (name === undefined) throw new NlriError('unsupported-family', unknownFamilyMessage(input, this.known()), input, -1);
    const b = BUILTIN.find((f) => f.name === name);
    if (b) await this.loadGroup(b.group);
    return this.registry.require(name);
  }

  /**
   * For a server that loads families as requests name them (`--decode`): a promise that loads
   * the group of the Ze family name `name`, or undefined when there is nothing left to load for
   * it (its group is in, or every group is). A name of no known group loads every group, once.
   */
  loadFamily(name: string): Promise<void> | undefined {
    if (this.all) return undefined;
    const b = BUILTIN.find((f) => f.name === name);
    if (!b) return this.loadAll();
    return this.loaded.has(b.group) ? undefined : this.loadGroup(b.group);
  }

  /** A group name (`samples flowspec`): its families, or undefined when `input` is no group. */
  groupFamilies(input: string): string[] | undefined {
    const g = input.toLowerCase();
    if (!GROUPS.includes(g)) return undefined;
    return BUILTIN.filter((f) => f.group === g).map((f) => f.name);
  }
}
