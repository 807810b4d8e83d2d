import {
  FragmentDefinitionNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  SelectionSetNode,
} from "graphql";
import type { FieldNode, GraphQLResolveInfo } from "graphql";

/**
 * What an operation selects below a field: each field name (aliases merged into the field they
 * rename) to what it selects below in turn; a leaf selects an empty map. Field arguments are not
 * recorded: a repository reads the same properties whatever arguments a nested field takes.
 */
export type Selection = ReadonlyMap<string, Selection>;

/** The part of the resolve info a selection is read from. */
export type SelectionInfo = Pick<GraphQLResolveInfo, "fieldNodes" | "fragments" | "variableValues">;

const EMPTY: Selection = new Map();

// @skip(if: true) or @include(if: false), with variables as the request gave them.
function excluded(node: { directives?: FieldNode["directives"] }, variables: Record<string, unknown>): boolean {
  if (!node.directives?.length) return false;
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return true;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if === false;
}

function collect(
  set: SelectionSetNode,
  into: Map<string, Selection>,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  spreading: ReadonlySet<string>,
): void {
  for (const node of set.selections) {
    if (excluded(node, variables)) continue;
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      const below = (into.get(name) as Map<string, Selection> | undefined) ?? new Map<string, Selection>();
      if (node.selectionSet) collect(node.selectionSet, below, fragments, variables, spreading);
      into.set(name, below);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      // Every type condition is taken: reading a property a type does not need costs little.
      collect(node.selectionSet, into, fragments, variables, spreading);
    } else {
      const name = node.name.value;
      const fragment = fragments[name];
      // Validation refuses fragment cycles; the guard keeps an unvalidated document from looping.
      if (!fragment || spreading.has(name)) continue;
      collect(fragment.selectionSet, into, fragments, variables, new Set([...spreading, name]));
    }
  }
}

// A field inside a list resolves once per element with the same field nodes: walk them once. The
// parsed document may be reused by later requests with other variables, hence the second check.
const walked = new WeakMap<object, { variables: unknown; selection: Selection }>();

/** What the field being resolved selects below it, merged over all its field nodes. */
export function selectionOf(info: SelectionInfo): Selection {
  const seen = walked.get(info.fieldNodes);
  if (seen && seen.variables === info.variableValues) return seen.selection;
  const into = new Map<string, Selection>();
  for (const node of info.fieldNodes) {
    if (node.selectionSet) collect(node.selectionSet, into, info.fragments, info.variableValues ?? {}, new Set());
  }
  walked.set(info.fieldNodes, { variables: info.variableValues, selection: into });
  return into;
}

/** What `selection` selects below `path` (e.g. "nodes"); empty when it selects nothing there. */
export function below(selection: Selection, ...path: string[]): Selection {
  let at = selection;
  for (const name of path) at = at.get(name) ?? EMPTY;
  return at;
}

/** Two selections as one: every field of either, what is below merged alike. */
export function merged(a: Selection, b: Selection): Selection {
  const out = new Map<string, Selection>(a);
  for (const [name, sub] of b) out.set(name, out.has(name) ? merged(out.get(name)!, sub) : sub);
  return out;
}

/** What a connection's selection asks of its nodes: `nodes { … }` and `edges { node { … } }` as one. */
export function nodeSelection(connection: Selection): Selection {
  return merged(below(connection, "nodes"), below(connection, "edges", "node"));
}
