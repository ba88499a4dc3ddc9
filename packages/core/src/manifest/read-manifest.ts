import { parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import { collapseRuns, DEFAULT_MIN_RUN, runsConfirmed, type CollapsedRun, type ParsedDoc } from './collapsed-runs.js';
import type { Range } from '../text/source-range.js';
import { makeInsertion, NO_COMMAND_KEY, type ContainerShape } from './arg-insertion.js';
import { readKubeDnsConfigMap } from './configmap.js';
import { configMapConfs } from './configmap-conf.js';
import { mountedDnsmasqConfig } from './mounted-config.js';
import { mayMatter, splitDocuments, type DocumentChunk } from './document-chunks.js';
import { findDnsmasq } from './find-dnsmasq.js';
import { composeMountedConfig, composeServices, findComposeDnsmasq, type ComposeService } from './compose.js';
import { anchorConditional, toManifestArg, type ReadContext } from './manifest-arg.js';
import { findObjects, type FoundObject } from './find-workloads.js';
import type { ConfigMapConf, DnsmasqInvocation, KubeDnsConfigMap, ManifestModel, WorkloadRef } from './model.js';
import { isTemplateFileName } from '../text/placeholders.js';
import { maskTemplates, type TemplateMask } from './template-mask.js';
import { templatePrintsListWords } from './templated-list.js';
import { readTolerantInvocations } from './tolerant-reader.js';
import { isMap, mapGet, nodeRange, seqItems, stringAt, type ChunkSource } from './yaml-nodes.js';

/*
 * The manifest reader, start to end:
 * 1. template-mask: template tags become same-length neutral text, so offsets never move;
 * 2. document-chunks: split at `---`, and parse (once) only documents that mention dnsmasq or a kube-dns ConfigMap;
 * 3. find-workloads / find-dnsmasq: pod specs -> the container running dnsmasq (direct, nanny `--`, `sh -c`);
 * 4. scalar-decode / shell-words: every word decoded from the ORIGINAL text with the offset of each character;
 * 5. arg-insertion: edits that add, replace or remove words in the list's own style;
 * 6. tolerant-reader: where `yaml` still stumbles, a line reader finds the container lists instead.
 */

export interface ReadManifestOptions {
  /** Used only to recognise template files (`.j2`, `.in`, `.sed`, ...), where bare `snake_case` names are placeholders. */
  readonly filePath?: string;
  /** The fewest one-line list items a run needs to be read apart from `yaml` (collapsed-runs.ts; default
   *  DEFAULT_MIN_RUN). Infinity reads every item with `yaml`: tests compare both ways. */
  readonly minCollapsedRun?: number;
}

type Problem = ManifestModel['parseProblems'][number];

function containerShape(src: ChunkSource, container: YAMLMap): ContainerShape {
  const first = container.items[0];
  const last = container.items[container.items.length - 1];
  const firstKeyStart = first?.key ? nodeRange(src, first.key as Node).start : nodeRange(src, container).start;
  const lastNode = (last?.value ?? last?.key) as Node | undefined;
  const lastValueEnd = lastNode ? nodeRange(src, lastNode).end : nodeRange(src, container).end;
  return { flow: Boolean(container.flow), firstKeyStart, lastValueEnd };
}

/** A container whose `command`/`args` may come from a YAML merge key (`<<: *defaults`): what it runs is not in view. */
function listsFromMergeKey(container: YAMLMap): boolean {
  return mapGet(container, '<<') !== undefined && mapGet(container, 'command') === undefined && mapGet(container, 'args') === undefined;
}

function invocationsOf(ctx: ReadContext, src: ChunkSource, object: FoundObject, tolerant: boolean): DnsmasqInvocation[] {
  const out: DnsmasqInvocation[] = [];
  for (const container of seqItems(mapGet(object.podSpec, 'containers'))) {
    if (!isMap(container) || listsFromMergeKey(container as YAMLMap)) continue;
    const found = findDnsmasq(src, container as Node);
    if (!found) continue;
    const args = found.words.map((w) => toManifestArg(ctx, w));
    const nameNode = mapGet(container, 'name');
    const containerName = stringAt(src, nameNode);
    const image = stringAt(src, mapGet(container, 'image'));
    const mounted = mountedDnsmasqConfig(src, container as Node, object.podSpec);
    out.push({
      workload: object.workload,
      ...(containerName !== undefined ? { containerName } : {}),
      ...(image !== undefined ? { image } : {}),
      containerRange: nodeRange(src, nameNode ?? (container as Node)),
      launcher: found.launcher,
      ...(found.wrapperFlags ? { wrapperFlags: found.wrapperFlags } : {}),
      args,
      insertion: makeInsertion(ctx.text, found, args, containerShape(src, container as YAMLMap), anchorConditional(ctx, found)),
      tolerant,
      ...(mounted.length > 0 ? { mountedConfig: mounted } : {}),
      ...(args.length === 0 && templatePrintsListWords(src, container as YAMLMap, ctx.mask.tags) ? { listNotInView: 'template' as const } : {}),
      ...(found.wordsHidden ? { listNotInView: 'shell-expansion' as const } : {}),
    });
  }
  return out;
}

const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false } as const;

/** The chunk's documents; long runs of one-line list items are read apart from `yaml` where it confirms them. */
function parseChunk(masked: string, chunk: DocumentChunk, minRun: number): { docs: readonly ParsedDoc[]; runs?: ReadonlyMap<number, CollapsedRun> } {
  const collapsed = minRun === Infinity ? undefined : collapseRuns(masked, chunk.start, chunk.end, minRun);
  if (collapsed) {
    const docs = asArray(parseAllDocuments(collapsed.text, PARSE_OPTIONS));
    if (runsConfirmed(docs, collapsed.runs, chunk.start)) return { docs, runs: collapsed.runs };
  }
  return { docs: asArray(parseAllDocuments(masked.slice(chunk.start, chunk.end), PARSE_OPTIONS)) };
}

function asArray(docs: ReturnType<typeof parseAllDocuments>): readonly ParsedDoc[] {
  return (Array.isArray(docs) ? docs : [docs]) as readonly ParsedDoc[];
}

/** A Docker Compose service that runs dnsmasq, as one invocation (`entrypoint` is its command, `command` its args). */
function composeInvocation(ctx: ReadContext, src: ChunkSource, service: ComposeService, tolerant: boolean): DnsmasqInvocation | undefined {
  const found = findComposeDnsmasq(src, service);
  if (!found) return undefined;
  const args = found.words.map((w) => toManifestArg(ctx, w));
  const image = stringAt(src, mapGet(service.node, 'image'));
  const mounted = composeMountedConfig(src, service);
  return {
    workload: service.workload,
    ...(service.workload.name !== undefined ? { containerName: service.workload.name } : {}),
    ...(image !== undefined ? { image } : {}),
    containerRange: nodeRange(src, service.keyNode),
    launcher: found.launcher,
      ...(found.wrapperFlags ? { wrapperFlags: found.wrapperFlags } : {}),
    args,
    insertion: makeInsertion(ctx.text, found, args, containerShape(src, service.node), anchorConditional(ctx, found), NO_COMMAND_KEY),
    tolerant,
    ...(mounted.length > 0 ? { mountedConfig: mounted } : {}),
    ...(found.wordsHidden ? { listNotInView: 'shell-expansion' as const } : {}),
  };
}

function problem(message: string, range: Range): Problem {
  return { message, range };
}

function readChunk(
  ctx: ReadContext,
  chunk: DocumentChunk,
  model: { invocations: DnsmasqInvocation[]; configMaps: KubeDnsConfigMap[]; confTexts: ConfigMapConf[]; parseProblems: Problem[] },
): void {
  const docs = parseChunk(ctx.mask.masked, chunk, ctx.minCollapsedRun ?? DEFAULT_MIN_RUN);
  const chunkSrc: ChunkSource = { original: ctx.text, masked: ctx.mask.masked, base: chunk.start, ...(docs.runs ? { runs: docs.runs } : {}) };
  const templated = ctx.mask.tags.some((t) => t.start < chunk.end && t.end > chunk.start);
  const found: DnsmasqInvocation[] = [];
  const workloads: WorkloadRef[] = [];
  let hadErrors = false;
  for (const doc of docs.docs) {
    const src: ChunkSource = { ...chunkSrc, resolveAlias: (alias) => alias.resolve(doc as Document) as Node | undefined };
    for (const err of doc.errors) {
      hadErrors = true;
      const [from, to] = err.pos.map((p) => Math.min(chunk.end, chunk.start + p)) as [number, number];
      model.parseProblems.push(problem(err.message.split('\n')[0]!, { start: from, end: Math.max(from, to) }));
    }
    for (const service of composeServices(src, doc.contents)) {
      workloads.push(service.workload);
      const invocation = composeInvocation(ctx, src, service, templated || hadErrors);
      if (invocation) found.push(invocation);
    }
    for (const object of findObjects(src, doc.contents)) {
      if (object.podSpec) {
        workloads.push(object.workload);
        found.push(...invocationsOf(ctx, src, object, templated || hadErrors));
      }
      const configMap = readKubeDnsConfigMap(src, object);
      if (configMap) model.configMaps.push(configMap);
      model.confTexts.push(...configMapConfs(src, object));
    }
  }
  // Where `yaml` stumbled, the line reader sees the container lists better; keep yaml's workload.
  const tolerant = hadErrors ? readTolerantInvocations(ctx, chunk, workloads[0]) : [];
  model.invocations.push(...(tolerant.length > 0 ? tolerant : found));
}

/** Reads a Kubernetes manifest (YAML, JSON, or a template of either). Pure; never throws. */
export function readManifest(text: string, opts: ReadManifestOptions = {}): ManifestModel {
  const model = { text, invocations: [] as DnsmasqInvocation[], configMaps: [] as KubeDnsConfigMap[], confTexts: [] as ConfigMapConf[], parseProblems: [] as Problem[] };
  if (typeof text !== 'string') return { ...model, text: '', parseProblems: [problem('the manifest is not text', { start: 0, end: 0 })] };
  let mask: TemplateMask;
  try {
    mask = maskTemplates(text);
  } catch (e) {
    return { ...model, parseProblems: [problem(`cannot scan template tags: ${String(e)}`, { start: 0, end: 0 })] };
  }
  const ctx: ReadContext = { text, mask, bareNamesArePlaceholders: isTemplateFileName(opts.filePath) || mask.tags.length > 0, ...(opts.minCollapsedRun !== undefined ? { minCollapsedRun: opts.minCollapsedRun } : {}) };
  for (const chunk of splitDocuments(mask.masked)) {
    if (!mayMatter(text, chunk)) continue;
    try {
      readChunk(ctx, chunk, model);
    } catch (e) {
      model.parseProblems.push(problem(`the manifest reader failed on this document: ${e instanceof Error ? e.message : String(e)}`, chunk));
    }
  }
  return model;
}

