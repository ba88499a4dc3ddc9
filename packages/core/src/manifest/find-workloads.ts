import type { Node } from 'yaml';
import type { Range } from '../text/source-range.js';
import type { WorkloadRef } from './model.js';
import { decodeNode, isMap, isScalar, mapGet, mapPath, nodeRange, seqItems, stringAt, type ChunkSource } from './yaml-nodes.js';

/** A Kubernetes object found in a document (or in a `kind: List`), with its pod spec when it has one. */
export interface FoundObject {
  readonly workload: WorkloadRef;
  readonly node: Node;
  readonly podSpec?: Node;
}

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const LIST_KINDS = /List$/;

type Annotations = WorkloadRef['annotations'];

function annotationsOf(src: ChunkSource, ...nodes: (Node | undefined)[]): Annotations {
  const out: Record<string, { value: string; range: Range }> = {};
  for (const node of nodes) {
    if (!isMap(node)) continue;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !isScalar(pair.value)) continue;
      const decoded = decodeNode(src, pair.value);
      out[key] = { value: decoded.value, range: nodeRange(src, pair.value) };
    }
  }
  return out;
}

/** The path to the pod spec: the kind's own, or for a kind we do not know (or a templated one) whatever pod spec shape is there. */
function podSpecPath(node: Node, kind: string): readonly string[] | undefined {
  const path = POD_SPEC_PATHS[kind];
  if (path) return path;
  return Object.values(POD_SPEC_PATHS).find((candidate) => mapGet(mapPath(node, ...candidate), 'containers'));
}

function describe(src: ChunkSource, node: Node): FoundObject {
  const kindNode = mapGet(node, 'kind');
  const kind = stringAt(src, kindNode) ?? '';
  const metadata = mapGet(node, 'metadata');
  const path = podSpecPath(node, kind);
  const podSpec = path ? mapPath(node, ...path) : undefined;
  // The pod template's metadata sits next to its spec (not for a bare Pod, whose spec path is just `spec`).
  const templateMetadata = path && path.length > 1 ? mapPath(node, ...path.slice(0, -1), 'metadata') : undefined;
  const kindRange = kindNode ? nodeRange(src, kindNode) : nodeRange(src, node);
  const workload: WorkloadRef = {
    kind,
    name: stringAt(src, mapGet(metadata, 'name')),
    namespace: stringAt(src, mapGet(metadata, 'namespace')),
    annotations: annotationsOf(src, mapGet(metadata, 'annotations'), mapGet(templateMetadata, 'annotations')),
    kindRange: { start: kindRange.start, end: Math.max(kindRange.start, kindRange.end) },
  };
  return podSpec ? { workload, node, podSpec } : { workload, node };
}

/**
 * Every object of a document, descending into `items` of `kind: List` (and `*List`) documents and `objects` of an
 * OpenShift `kind: Template` (whose `${PARAM}` values read as placeholders).
 */
export function findObjects(src: ChunkSource, root: unknown, depth = 0): FoundObject[] {
  if (!isMap(root) || depth > 8) return [];
  const kind = stringAt(src, mapGet(root, 'kind')) ?? '';
  const members = LIST_KINDS.test(kind) ? 'items' : kind === 'Template' ? 'objects' : undefined;
  if (members) return seqItems(mapGet(root, members)).flatMap((item) => findObjects(src, item, depth + 1));
  return [describe(src, root)];
}
