import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields a query selects of a connection (`totalCount`, `pageInfo`, ...) and of its nodes
 * (under `nodes` or `edges { node }`), fragments included, so that a list reads only what is shown.
 */
export function connectionSelection(info: GraphQLResolveInfo): { top: Set<string>; node: Set<string> } {
  const fieldsOf = (set: SelectionSetNode | undefined, out = new Map<string, SelectionSetNode[]>()) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const list = out.get(selection.name.value) ?? [];
        if (selection.selectionSet) list.push(selection.selectionSet);
        out.set(selection.name.value, list);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, out);
      else fieldsOf(info.fragments[selection.name.value]?.selectionSet, out);
    }
    return out;
  };
  const top = new Map<string, SelectionSetNode[]>();
  for (const node of info.fieldNodes) fieldsOf(node.selectionSet, top);
  const node = new Map<string, SelectionSetNode[]>();
  for (const set of top.get('nodes') ?? []) fieldsOf(set, node);
  for (const edges of top.get('edges') ?? []) for (const set of fieldsOf(edges).get('node') ?? []) fieldsOf(set, node);
  return { top: new Set(top.keys()), node: new Set(node.keys()) };
}
