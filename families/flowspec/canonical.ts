/**
 * The RFC form of a component list: RFC 8955 §4.2 "Components MUST follow strict type ordering by
 * increasing numerical order. A given component type MAY (exactly once) be present"; an NLRI that
 * repeats a type is malformed (§10 error handling: GoBGP resets the session).
 *
 * Ze's encode-nlri grammar writes one component per keyword, so `port >80 <100 port >443 <500`
 * (its only way to OR ranges) gives two type-4 components. The same match is one component whose
 * operator list is the concatenation (RFC 8955 §4.2.1.1): the first pair of every merged-in group
 * has its AND bit cleared, so it is OR-ed with what precedes, and only the very last pair keeps the
 * end-of-list bit. Decoded, the groups are the same (`[[">80","<100"],[">443","<500"]]`), so the
 * merge loses nothing. Prefix components (types 1, 2) carry one prefix each and cannot be OR-ed:
 * a repeated prefix type has no RFC form.
 *
 * The args encoder uses this (for a list not already in strict type order); the typed-model
 * encoder writes a model as given (lossless), and `canonicalComponents` is there for callers who
 * build models by hand.
 */
import { OP_AND, OP_END, flowOps, isPrefixComponent, type FlowComponent, type FlowOpComponent } from './model.js';
import { COMPONENTS } from './components.js';

/**
 * Sort `components` by type (stable) and merge the operator components of one type into one.
 * Calls `repeatedPrefix(type)` (which must throw) when a prefix type occurs twice. The input is
 * not changed; components that occur once are returned as they are.
 */
export function canonicalComponents(components: readonly FlowComponent[], repeatedPrefix: (type: 1 | 2, name: string) => never): FlowComponent[] {
  const sorted = sortedByType(components);
  const out: FlowComponent[] = [];
  for (let i = 0; i < sorted.length; ) {
    const c = sorted[i]!;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.type === c.type) j++;
    if (j === i + 1) out.push(c);
    else if (isPrefixComponent(c)) repeatedPrefix(c.type, COMPONENTS[c.type]!.name);
    else out.push(mergeOps(sorted.slice(i, j) as FlowOpComponent[]));
    i = j;
  }
  return out;
}

/**
 * `components` sorted by type, stably. Integer types (every component of a well-formed model) by
 * insertion: the same order as any stable sort, and cheaper than `sort` with a comparator for the
 * few components of an NLRI. Other types keep `sort`'s own order for them.
 */
function sortedByType(components: readonly FlowComponent[]): FlowComponent[] {
  const out = components.slice();
  for (const c of out) if (!Number.isInteger(c?.type)) return out.sort((a, b) => a.type - b.type);
  for (let i = 1; i < out.length; i++) {
    const c = out[i]!;
    let j = i;
    for (; j > 0 && out[j - 1]!.type > c.type; j--) out[j] = out[j - 1]!;
    out[j] = c;
  }
  return out;
}

/** One operator list from several of one type: groups OR-ed, the end bit on the last pair only. */
function mergeOps(group: readonly FlowOpComponent[]): FlowOpComponent {
  const ops: number[] = [];
  const values: (number | bigint)[] = [];
  for (let g = 0; g < group.length; g++) {
    const c = group[g]!;
    for (let k = 0; k < c.ops.length; k++) {
      let op = c.ops[k]! & ~OP_END;
      if (g > 0 && k === 0) op &= ~OP_AND;
      ops.push(op);
      values.push(c.values[k]!);
    }
  }
  const last = ops.length - 1;
  ops[last] = ops[last]! | OP_END;
  return flowOps(group[0]!.type, ops, values);
}
